package coaching.ledger.query.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of a view table, written as an upsert: an event that is handled a second time (a batch
 * retried after a crash) must leave the row as the first time. Update-then-insert is portable across
 * H2 and PostgreSQL, and safe because one engagement's events are handled by one thread at a time.
 * Table and column names are constants of the projections, never input.
 */
public final class Row {

    private final String table;
    private final Map<String, Object> key = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Row(String table) {
        this.table = table;
    }

    public static Row in(String table) {
        return new Row(table);
    }

    public Row key(String column, Object value) {
        key.put(column, value);
        return this;
    }

    public Row set(String column, Object value) {
        values.put(column, value);
        return this;
    }

    public void upsert(JdbcClient jdbc) {
        Map<String, Object> params = new LinkedHashMap<>(key);
        params.putAll(values);
        if (update(jdbc, params) == 0) {
            jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", params.keySet()) + ") VALUES ("
                    + params.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")")
                    .params(params).update();
        }
    }

    private int update(JdbcClient jdbc, Map<String, Object> params) {
        String where = key.keySet().stream().map(column -> column + " = :" + column)
                .collect(Collectors.joining(" AND "));
        String assignments = values.keySet().stream().map(column -> column + " = :" + column)
                .collect(Collectors.joining(", "));
        return jdbc.sql("UPDATE " + table + " SET " + assignments + " WHERE " + where).params(params).update();
    }
}
