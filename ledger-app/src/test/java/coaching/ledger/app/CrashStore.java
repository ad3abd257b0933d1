package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A store the crash tests run the packaged ledger on. The test reads it over JDBC only while no
 * ledger runs on it (an H2 file belongs to one process), one connection per call, so the file is
 * free again when the ledger starts.
 */
interface CrashStore {

    /** The ledger's arguments for this store. */
    List<String> ledgerArguments();

    JdbcTemplate jdbc();

    /**
     * Reads while the ledger runs what it has written so far: what a crash at this moment would leave.
     * H2 locks its file, so there a copy of the file is read.
     */
    <T> T whileRunning(Function<JdbcTemplate, T> read);

    /** An empty store of the same kind with the platform's schema, for a fresh replay of the same events. */
    CrashStore fresh();

    String name();

    /** The event table's next generated global index follows {@code last}. */
    void continueGlobalIndexAfter(JdbcTemplate jdbc, long last);

    static CrashStore h2(Path directory) {
        return new H2(
                directory, directory.resolve("ledger-" + UUID.randomUUID()).toAbsolutePath());
    }

    static CrashStore postgres() {
        return new Postgres(TestDatabases.newPostgresSchema());
    }

    record H2(Path directory, Path file) implements CrashStore {

        private String url() {
            return "jdbc:h2:file:" + file;
        }

        @Override
        public List<String> ledgerArguments() {
            return List.of("--spring.datasource.url=" + url());
        }

        @Override
        public JdbcTemplate jdbc() {
            return new JdbcTemplate(new DriverManagerDataSource(url(), "sa", ""));
        }

        @Override
        public <T> T whileRunning(Function<JdbcTemplate, T> read) {
            Path copy = directory.resolve("copy-" + UUID.randomUUID());
            try {
                Files.copy(Path.of(file + ".mv.db"), Path.of(copy + ".mv.db"));
                return read.apply(new JdbcTemplate(
                        new DriverManagerDataSource("jdbc:h2:file:" + copy + ";ACCESS_MODE_DATA=r", "sa", "")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                for (String suffix : List.of(".mv.db", ".trace.db")) {
                    Path.of(copy + suffix).toFile().delete();
                }
            }
        }

        @Override
        public CrashStore fresh() {
            CrashStore fresh = h2(directory);
            migrate(fresh.jdbc(), "h2");
            return fresh;
        }

        @Override
        public String name() {
            return "H2 file";
        }

        @Override
        public void continueGlobalIndexAfter(JdbcTemplate jdbc, long last) {
            jdbc.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + (last + 1));
        }
    }

    record Postgres(String schema) implements CrashStore {

        private String url() {
            return TestDatabases.postgresUrl() + "?currentSchema=" + schema;
        }

        @Override
        public List<String> ledgerArguments() {
            return List.of(
                    "--spring.profiles.active=postgres,demo",
                    "--spring.datasource.url=" + url(),
                    "--spring.datasource.username=" + TestDatabases.postgresUser(),
                    "--spring.datasource.password=" + TestDatabases.postgresPassword());
        }

        @Override
        public JdbcTemplate jdbc() {
            return new JdbcTemplate(
                    new DriverManagerDataSource(url(), TestDatabases.postgresUser(), TestDatabases.postgresPassword()));
        }

        @Override
        public <T> T whileRunning(Function<JdbcTemplate, T> read) {
            return read.apply(jdbc());
        }

        @Override
        public CrashStore fresh() {
            CrashStore fresh = postgres();
            migrate(fresh.jdbc(), "postgresql");
            return fresh;
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public void continueGlobalIndexAfter(JdbcTemplate jdbc, long last) {
            jdbc.queryForObject(
                    "SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), ?)", Long.class, last);
        }
    }

    /** The platform's tables (event store, tokens, chain); the ledger adds its views' when it starts. */
    private static void migrate(JdbcTemplate jdbc, String vendor) {
        Flyway.configure()
                .dataSource(jdbc.getDataSource())
                .locations("classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }
}
