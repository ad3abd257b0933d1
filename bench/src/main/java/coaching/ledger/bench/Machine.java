package coaching.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the figures were measured on, printed above the table. */
final class Machine {

    private static final List<String> POSTGRES_SETTINGS = List.of(
            "shared_buffers",
            "synchronous_commit",
            "fsync",
            "wal_sync_method",
            "commit_delay",
            "max_connections",
            "work_mem",
            "max_wal_size",
            "checkpoint_timeout");

    private Machine() {}

    static String describe(BenchOptions options) {
        List<String> parts = new ArrayList<>();
        parts.add(Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + ")");
        parts.add(memory());
        parts.add("Java " + System.getProperty("java.version"));
        parts.add(postgres(options));
        return String.join("; ", parts);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal"))
                    .map(line -> String.format(
                            "%.1f GB RAM", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst()
                    .orElse("memory unknown");
        } catch (IOException e) {
            return "memory unknown";
        }
    }

    private static String postgres(BenchOptions options) {
        try (Connection connection = DriverManager.getConnection(
                options.postgresUrl() + "postgres", options.postgresUser(), options.postgresPassword())) {
            ResultSet version = connection.createStatement().executeQuery("SHOW server_version");
            version.next();
            StringBuilder text = new StringBuilder("PostgreSQL ")
                    .append(version.getString(1))
                    .append(" (");
            var settings =
                    connection.prepareStatement("SELECT name, setting, unit FROM pg_settings WHERE name = ANY (?)");
            settings.setArray(1, connection.createArrayOf("text", POSTGRES_SETTINGS.toArray()));
            ResultSet rows = settings.executeQuery();
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1) + "=" + rows.getString(2)
                        + (rows.getString(3) == null ? "" : "×" + rows.getString(3)));
            }
            return text.append(String.join(", ", values)).append(')').toString();
        } catch (SQLException e) {
            return "PostgreSQL not reachable";
        }
    }
}
