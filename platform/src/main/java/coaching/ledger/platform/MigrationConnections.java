package coaching.ledger.platform;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Migrations wait for the server without the driver's socket timeout (ledger-platform.properties,
 * "Database outage"), which exists to end connections a network dropped, not to limit honest work:
 * on PostgreSQL a starting instance waits in Flyway's advisory lock for as long as another instance
 * migrates, and a migration may rewrite a large table. The pool restores the timeout when the
 * connection comes back to it.
 */
@Configuration(proxyBeanMethods = false)
public class MigrationConnections {

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutSocketTimeout() {
        return configuration -> configuration.dataSource(withoutSocketTimeout(configuration.getDataSource()));
    }

    static DataSource withoutSocketTimeout(DataSource pool) {
        return new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                connection.setNetworkTimeout(Runnable::run, 0);
                return connection;
            }
        };
    }
}
