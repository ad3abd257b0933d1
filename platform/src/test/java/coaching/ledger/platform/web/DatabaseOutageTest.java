package coaching.ledger.platform.web;

import coaching.ledger.platform.testing.TcpProxy;
import coaching.ledger.platform.testing.TestDatabases;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Which failures mean "the database cannot be reached", with the PostgreSQL driver's own exceptions
 * for a refused, a broken and a black-holed connection (through a {@link TcpProxy} in front of the
 * test PostgreSQL), wrapped as Spring and Axon wrap them on their way to the web layer.
 */
class DatabaseOutageTest {

    private final URI postgres = URI.create(TestDatabases.postgresUrl().substring("jdbc:".length()));
    private final TcpProxy proxy = TcpProxy.to(postgres.getHost(), postgres.getPort());

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void aRefusedConnectionIsAnOutageHoweverItIsWrapped() {
        proxy.refuse();
        SQLException refused =
                catchThrowableOfType(SQLException.class, () -> connect(0).close());

        assertThat(refused.getSQLState()).startsWith("08");
        assertThat(DatabaseOutage.caused(refused)).isTrue();
        assertThat(DatabaseOutage.caused(new CannotCreateTransactionException("no connection", refused)))
                .isTrue();
        assertThat(DatabaseOutage.caused(new EventStoreException("Failed to read events", refused)))
                .isTrue();
        assertThat(DatabaseOutage.caused(new JdbcException("Failed to obtain a connection", refused)))
                .isTrue();
    }

    @Test
    void aConnectionBrokenMidwayIsAnOutage() throws Exception {
        try (Connection connection = connect(0);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            proxy.refuse();
            SQLException broken = catchThrowableOfType(SQLException.class, () -> statement.execute("SELECT 1"));

            assertThat(DatabaseOutage.caused(new EventStoreException("append failed", broken)))
                    .isTrue();
        }
    }

    @Test
    void aBlackHoledConnectionFailsAfterTheSocketTimeoutAndIsAnOutage() throws Exception {
        try (Connection connection = connect(1);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            proxy.blackHole();
            SQLException timedOut = assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> catchThrowableOfType(SQLException.class, () -> statement.execute("SELECT 1")));

            assertThat(DatabaseOutage.caused(timedOut)).as("%s", timedOut).isTrue();
        }
        proxy.open();
        try (Connection connection = connect(1);
                Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SELECT 1"))
                    .as("the proxy forwards again")
                    .isTrue();
        }
    }

    @Test
    void aConnectionThePoolClosedAfterItBrokeIsAnOutage() {
        // what Spring throws when the rollback after a broken commit finds Hikari closed the connection
        assertThat(DatabaseOutage.caused(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
        TransactionSystemException callbackFailed =
                new TransactionSystemException("rollback failed", new SQLException("deadlock", "40P01"));
        callbackFailed.initApplicationException(new SQLException("An I/O error occurred", "08006"));
        assertThat(DatabaseOutage.caused(callbackFailed)).isTrue();
    }

    @Test
    void aPoolThatGaveNoConnectionInTimeIsAnOutage() {
        assertThat(DatabaseOutage.caused(new CannotCreateTransactionException(
                        "no connection",
                        new SQLTransientConnectionException(
                                "Connection is not available, request timed out after 2000ms"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        SQLException uniqueViolation = new SQLException("duplicate key", "23505");

        assertThat(DatabaseOutage.caused(new EventStoreException("already inserted", uniqueViolation)))
                .isFalse();
        assertThat(DatabaseOutage.caused(new DataIntegrityViolationException("constraint", uniqueViolation)))
                .isFalse();
        assertThat(DatabaseOutage.caused(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.caused(
                        new TransactionSystemException("rollback failed", new SQLException("deadlock", "40P01"))))
                .isFalse();
    }

    private Connection connect(int socketTimeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", TestDatabases.postgresUser());
        properties.setProperty("password", TestDatabases.postgresPassword());
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", String.valueOf(socketTimeoutSeconds));
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + postgres.getPath(), properties);
    }
}
