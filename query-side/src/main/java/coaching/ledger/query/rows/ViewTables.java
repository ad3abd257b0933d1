package coaching.ledger.query.rows;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** The tables one view owns; a replay empties them all before it rebuilds them from the first event. */
public record ViewTables(List<String> names) {

    public static ViewTables of(String... names) {
        return new ViewTables(List.of(names));
    }

    public void clear(JdbcClient jdbc) {
        names.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }
}
