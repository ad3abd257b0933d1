package coaching.ledger.platform.testing;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every view table (the query side's {@code hr_}, {@code boss_}, {@code client_},
 * {@code coach_} and {@code compliance_} tables) of one store, to compare two stores table by table:
 * views built incrementally (across crashes, take-overs, replays) against a fresh replay of the same
 * events. Works on H2 and PostgreSQL; table names in lower case, rows sorted.
 */
public final class ViewDump {

    public static final List<String> VIEW_PREFIXES = List.of("hr_", "boss_", "client_", "coach_", "compliance_");

    private ViewDump() {}

    /** Table name to its rows, each row its columns' values in column order. */
    public static Map<String, List<String>> of(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables" + " WHERE table_schema = CURRENT_SCHEMA",
                String.class)) {
            String name = table.toLowerCase(Locale.ROOT);
            if (VIEW_PREFIXES.stream().anyMatch(name::startsWith)) {
                tables.put(name, rows(jdbc, name));
            }
        }
        return tables;
    }

    private static List<String> rows(JdbcTemplate jdbc, String table) {
        List<String> rows = new ArrayList<>(jdbc.query("SELECT * FROM " + table, (row, n) -> {
            ResultSetMetaData columns = row.getMetaData();
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= columns.getColumnCount(); column++) {
                Object value = row.getObject(column);
                values.add(columns.getColumnLabel(column).toLowerCase(Locale.ROOT) + "="
                        + (value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value)));
            }
            return String.join(", ", values);
        }));
        rows.sort(null);
        return rows;
    }
}
