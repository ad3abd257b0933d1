package coaching.ledger.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Axon's JDBC event store, tuned for several processes sharing one database (settings and reasons in
 * ledger-platform.properties). Axon's auto-configuration has no properties for polling or gaps, so
 * the engine and the store are declared here; with the 'axonserver' profile Axon Server is the store.
 * Its tracking streams follow the chain sealer's gap rule (SealPacedEventStorageEngine).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
// matchIfMissing: component scanning judges this before ledger-platform.properties is read
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class JdbcEventStorage {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Axon's default resolver only recognises {@code SQLIntegrityConstraintViolationException}, which
     * H2 throws and the PostgreSQL driver does not: there, two processes appending the same aggregate
     * sequence ended as a generic EventStoreException (a 500, seen in ServicesOnPostgresIT) instead of
     * a retryable ConcurrencyException.
     * SQLState 23505 (unique violation) is what both databases report.
     */
    @Bean
    public PersistenceExceptionResolver uniqueViolationResolver() {
        return JdbcEventStorage::isUniqueViolation;
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            @Qualifier("serializer") Serializer snapshotSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver uniqueViolationResolver,
            Configuration axon,
            ConnectionProvider connections,
            TransactionManager transactions,
            @Value("${ledger.event-store.batch-size}") int batchSize,
            @Value("${ledger.event-store.max-gap-offset}") int maxGapOffset) {
        return new SealPacedEventStorageEngine(
                JdbcEventStorageEngine.builder()
                        .snapshotSerializer(snapshotSerializer)
                        .eventSerializer(eventSerializer)
                        .upcasterChain(axon.upcasterChain())
                        .snapshotFilter(axon.snapshotFilter())
                        .persistenceExceptionResolver(uniqueViolationResolver)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .batchSize(batchSize),
                maxGapOffset);
    }

    /** Polls the table every {@code fetch-delay} when idle: events of other processes only show up that way. */
    @Bean
    public EmbeddedEventStore eventStore(
            EventStorageEngine eventStorageEngine,
            Configuration axon,
            @Value("${ledger.event-store.fetch-delay}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** PostgreSQL reports a failed batch insert as a BatchUpdateException whose next exception names the cause. */
    private static boolean isUniqueViolation(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (Throwable chained : sql) {
                    if (chained instanceof SQLException next && UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
