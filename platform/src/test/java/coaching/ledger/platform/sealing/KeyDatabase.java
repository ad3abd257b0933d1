package coaching.ledger.platform.sealing;

import coaching.ledger.platform.testing.TestDatabases;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.util.UUID;

/**
 * A fresh database with the platform's schema, migrated by Flyway as a ledger migrates it: an
 * in-memory H2 database ({@code h2}) or a new schema of the test PostgreSQL ({@code postgresql}).
 */
record KeyDatabase(String vendor, String url, String user, String password, HikariDataSource pool)
        implements AutoCloseable {

    static KeyDatabase of(String vendor) {
        String url = switch (vendor) {
            case "h2" -> "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            case "postgresql" -> TestDatabases.postgresUrl() + "?currentSchema=" + TestDatabases.newPostgresSchema();
            default -> throw new IllegalArgumentException(vendor);
        };
        String user = vendor.equals("h2") ? "sa" : TestDatabases.postgresUser();
        String password = vendor.equals("h2") ? "" : TestDatabases.postgresPassword();
        HikariDataSource pool = pool(url, user, password);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + vendor)
                .load()
                .migrate();
        return new KeyDatabase(vendor, url, user, password, pool);
    }

    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(pool);
    }

    /** Keys as a ledger process holds them: its own cache, the table shared. */
    JdbcClientDataKeys keys(KeyEncryptionKey kek) {
        return new JdbcClientDataKeys(
                jdbc(), new DataSourceTransactionManager(pool), kek, 10_000, java.time.Duration.ofMinutes(1));
    }

    long rows() {
        return jdbc().queryForObject("SELECT COUNT(*) FROM data_key", Long.class);
    }

    @Override
    public void close() {
        pool.close();
    }
}
