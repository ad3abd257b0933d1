package coaching.ledger.query.rows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One row of a view table, written as an upsert: an event that is handled a second time (a batch
 * retried after a crash) must leave the row as the first time. One statement, so that it can go in a
 * JDBC batch ({@link ViewWrites}): {@code INSERT ... ON CONFLICT} on PostgreSQL, {@code MERGE ... KEY}
 * on H2; both update only the columns the row sets. Table and column names are constants of the
 * projections, never input.
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

    /** Upserts the row among the statements about {@code partition} (see {@link ViewWrites#sql}). */
    public void upsertIn(ViewWrites writes, String partition) {
        writes.upsert(partition, this);
    }

    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>(key);
        params.putAll(values);
        return params;
    }

    String upsertSql(ViewWrites.Dialect dialect) {
        String columns = String.join(", ", key.keySet()) + ", " + String.join(", ", values.keySet());
        String placeholders = Stream.concat(key.keySet().stream(), values.keySet().stream())
                .map(column -> ":" + column)
                .collect(Collectors.joining(", "));
        String keyColumns = String.join(", ", key.keySet());
        return switch (dialect) {
            case POSTGRESQL ->
                "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ") ON CONFLICT ("
                        + keyColumns + ") DO UPDATE SET "
                        + values.keySet().stream()
                                .map(column -> column + " = EXCLUDED." + column)
                                .collect(Collectors.joining(", "));
            case H2 ->
                "MERGE INTO " + table + " (" + columns + ") KEY (" + keyColumns + ") VALUES (" + placeholders + ")";
        };
    }
}
