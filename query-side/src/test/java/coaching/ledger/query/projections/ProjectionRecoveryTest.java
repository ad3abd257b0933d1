package coaching.ledger.query.projections;

import coaching.ledger.platform.testing.TcpProxy;
import coaching.ledger.platform.testing.TestDatabases;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A view waiting out Axon's error back-off is restarted the moment the database answers again after
 * an outage (cut and restored by a {@link TcpProxy} in front of the test PostgreSQL), and only then.
 */
class ProjectionRecoveryTest {

    private final URI postgres = URI.create(TestDatabases.postgresUrl().substring("jdbc:".length()));
    private final TcpProxy proxy = TcpProxy.to(postgres.getHost(), postgres.getPort());
    private final StreamingEventProcessor waitingOutBackOff = processor(true);
    private final StreamingEventProcessor healthy = processor(false);
    private HikariDataSource pool;
    private ProjectionRecovery recovery;

    @BeforeEach
    void connectThroughTheProxy() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + postgres.getPath());
        config.setUsername(TestDatabases.postgresUser());
        config.setPassword(TestDatabases.postgresPassword());
        config.setConnectionTimeout(1_000);
        pool = new HikariDataSource(config);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(anyString(), eq(StreamingEventProcessor.class))).thenReturn(Optional.of(healthy));
        when(processing.eventProcessor(eq(ProjectionAdmin.NAMES.get(0)), eq(StreamingEventProcessor.class)))
                .thenReturn(Optional.of(waitingOutBackOff));
        recovery = new ProjectionRecovery(JdbcClient.create(pool), processing, Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        pool.close();
        proxy.close();
    }

    @Test
    void aViewInErrorIsRestartedWhenTheDatabaseAnswersAgain() {
        recovery.check();
        proxy.refuse();
        pool.getHikariPoolMXBean().softEvictConnections();
        recovery.check();
        verify(waitingOutBackOff, never()).shutdownAsync();

        proxy.open();
        recovery.check();

        var restarted = inOrder(waitingOutBackOff);
        restarted.verify(waitingOutBackOff).shutdownAsync();
        restarted.verify(waitingOutBackOff).start();
        verify(healthy, never()).shutdownAsync();
    }

    @Test
    void aViewInErrorWhileTheDatabaseAnswersKeepsAxonsBackOff() {
        recovery.check();
        recovery.check();

        verify(waitingOutBackOff, never()).shutdownAsync();
    }

    private static StreamingEventProcessor processor(boolean inError) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(true);
        when(processor.isError()).thenReturn(inError);
        when(processor.getName()).thenReturn(inError ? "in-error" : "healthy");
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        return processor;
    }
}
