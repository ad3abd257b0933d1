package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No confidential text in clear at rest on PostgreSQL: a database of its own, read whole by
 * {@code pg_dump} (kept in target/sealed-at-rest for a look after a failure). The dump writes a
 * {@code bytea} (Axon's event payloads and metadata, tokens, wrapped keys) as hex, where a text search
 * sees no clear text, so every hex value is also decoded and searched as bytes.
 */
class SealedAtRestOnPostgresIT extends SealedAtRestScenarios {

    /** A bytea value as pg_dump writes it: {@code \x} and hex digits, its backslash doubled in COPY data. */
    private static final Pattern BYTEA = Pattern.compile("\\\\{1,2}x((?:[0-9a-fA-F]{2})+)");

    private static final String DECODED = "bytea values of pg_dump.sql, decoded";

    @Override
    RestingStore newStore(Path directory) {
        return PostgresDatabase.create(directory);
    }

    record PostgresDatabase(String databaseName, URI server, Path dump) implements RestingStore {

        static PostgresDatabase create(Path directory) {
            URI server = URI.create(TestDatabases.postgresUrl().substring("jdbc:".length()));
            String database = "sealed_at_rest_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + database);
            return new PostgresDatabase(database, server, directory.resolve("pg_dump.sql"));
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public List<String> ledgerArguments() {
            return List.of(
                    "--spring.profiles.active=postgres,demo",
                    "--spring.datasource.url=jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/"
                            + databaseName,
                    "--spring.datasource.username=" + TestDatabases.postgresUser(),
                    "--spring.datasource.password=" + TestDatabases.postgresPassword());
        }

        /** The plain dump of the whole database, and every bytea value in it decoded, one per line. */
        @Override
        public List<Stored> database() {
            byte[] text = pgDump();
            StringBuilder hex = new StringBuilder();
            Matcher values = BYTEA.matcher(new String(text, StandardCharsets.UTF_8));
            int count = 0;
            while (values.find()) {
                hex.append(values.group(1)).append("0a");
                count++;
            }
            System.out.printf("[sealed at rest PostgreSQL] %d bytea values in the dump%n", count);
            return List.of(
                    new Stored(dump.getFileName().toString(), text),
                    new Stored(DECODED, HexFormat.of().parseHex(hex)));
        }

        @Override
        public String recordedTextPlace() {
            return DECODED;
        }

        @Override
        public void drop() {
            execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }

        private byte[] pgDump() {
            try {
                Files.createDirectories(dump.getParent());
                ProcessBuilder pgDump = new ProcessBuilder(
                                "pg_dump",
                                "--host=" + server.getHost(),
                                "--port=" + server.getPort(),
                                "--username=" + TestDatabases.postgresUser(),
                                "--no-password",
                                "--dbname=" + databaseName)
                        .redirectOutput(dump.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
                if (!TestDatabases.postgresPassword().isEmpty()) {
                    pgDump.environment().put("PGPASSWORD", TestDatabases.postgresPassword());
                }
                Process process = pgDump.start();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("pg_dump of " + databaseName + " failed");
                }
                return Files.readAllBytes(dump);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run pg_dump (installed with PostgreSQL)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** On the test database of {@link TestDatabases}: CREATE and DROP DATABASE cannot run inside the one they name. */
        private static void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(
                            TestDatabases.postgresUrl(),
                            TestDatabases.postgresUser(),
                            TestDatabases.postgresPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }
}
