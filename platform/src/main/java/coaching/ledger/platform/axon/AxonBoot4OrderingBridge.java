package coaching.ledger.platform.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Axon 4.13.0 orders its JDBC and transaction auto-configuration only after the Spring Boot 2/3
 * class names. On Boot 4 they are evaluated before the DataSource exists, and the application
 * silently runs without an event store and with {@code NoTransactionManager}. This empty
 * auto-configuration sits between the two and restores the order (see docs/axon-4.13.md, "Spring Boot 4").
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration"
        })
public class AxonBoot4OrderingBridge {}
