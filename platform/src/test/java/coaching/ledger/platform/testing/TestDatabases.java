package coaching.ledger.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, isolated database for one Spring test context: an in-memory H2 database, or a new schema
 * in the PostgreSQL that runs on every development and CI machine (127.0.0.1:5432, database
 * {@code test}, trust auth; override with LEDGER_TEST_POSTGRES_URL / _USER / _PASSWORD).
 * PostgreSQL schemas are dropped when the test JVM exits.
 */
public final class TestDatabases {

    private TestDatabases() {}

    public static void h2(DynamicPropertyRegistry registry) {
        ownPublishedCheckpoints(registry);
        String name = "ledger_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    public static void postgres(DynamicPropertyRegistry registry) {
        ownPublishedCheckpoints(registry);
        String schema = newPostgresSchema();
        registry.add("spring.datasource.url", () -> postgresUrl() + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", TestDatabases::postgresUser);
        registry.add("spring.datasource.password", TestDatabases::postgresPassword);
    }

    /**
     * Signed checkpoints are published to a directory of this database's own: the default one is shared by
     * every test in the module, and a checkpoint of another test's ledger there would (rightly) stop this
     * ledger from signing.
     */
    private static void ownPublishedCheckpoints(DynamicPropertyRegistry registry) {
        Path directory =
                Path.of("target", "published-checkpoints", UUID.randomUUID().toString());
        registry.add("ledger.checkpoints.publish-dir", directory::toString);
    }

    /** Creates an empty schema and returns its name; it is dropped when the JVM exits. */
    public static String newPostgresSchema() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE")));
        return schema;
    }

    public static String postgresUrl() {
        return System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String postgresUser() {
        return System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres");
    }

    public static String postgresPassword() {
        return System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", "");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL for tests is not reachable at " + postgresUrl()
                            + " (start it, or set LEDGER_TEST_POSTGRES_URL): " + e.getMessage(),
                    e);
        }
    }
}
