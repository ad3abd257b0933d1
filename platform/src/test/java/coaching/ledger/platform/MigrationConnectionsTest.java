package coaching.ledger.platform;

import coaching.ledger.platform.testing.TestDatabases;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway's connections wait without the driver's socket timeout; the pool gives it back to the next user. */
class MigrationConnectionsTest {

    @Test
    void aMigrationConnectionHasNoSocketTimeoutAndThePoolRestoresIt() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.postgresUrl());
        config.setUsername(TestDatabases.postgresUser());
        config.setPassword(TestDatabases.postgresPassword());
        config.addDataSourceProperty("socketTimeout", "5");
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection migration =
                    MigrationConnections.withoutSocketTimeout(pool).getConnection()) {
                assertThat(migration.getNetworkTimeout()).isZero();
            }
            try (Connection sameOneLater = pool.getConnection()) {
                assertThat(sameOneLater.getNetworkTimeout()).isEqualTo(5_000);
            }
        }
    }
}
