package coaching.ledger.command;

import coaching.ledger.command.engagement.EngagementSnapshotFilter;
import coaching.ledger.command.engagement.StoreCheckedCache;
import coaching.ledger.platform.DaemonThreads;
import coaching.ledger.platform.fingerprint.FingerprintKeys;
import coaching.ledger.platform.fingerprint.Fingerprints;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A cache and snapshots keep loading an engagement cheap; conflicting appends of several instances are retried. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /** Taken off the command's thread, so a command never waits for a snapshot to be written. */
    @Bean
    public SpringAggregateSnapshotterFactoryBean aggregateSnapshotter() {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(Executors.newSingleThreadExecutor(DaemonThreads.named("engagement-snapshotter")));
        return snapshotter;
    }

    /**
     * The engagements used most recently stay in memory ({@code ledger.commands.cached-engagements}), so a busy
     * engagement is not parsed back from the store for every command; each is checked against the store before it
     * is used ({@link StoreCheckedCache}), so several command instances sharing one store never judge a command on
     * an engagement another instance has moved on.
     */
    @Bean
    public Cache engagementCache(
            EventStore eventStore, @Value("${ledger.commands.cached-engagements:2000}") long cachedEngagements) {
        return new StoreCheckedCache(eventStore, cachedEngagements);
    }

    @Bean
    public SnapshotTriggerDefinition engagementSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshot.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The secret behind the fingerprints aggregates keep of recorded content (docs/operations.md, "Configuration"):
     * every process appending to one event store must use the same key. Axon hands this bean to
     * command and event-sourcing handlers that declare a {@link Fingerprints} parameter.
     */
    @Bean
    public Fingerprints fingerprints(Environment environment) {
        return FingerprintKeys.fromEnvironment(environment);
    }

    @Bean
    public SnapshotFilter engagementSnapshotFilter(Fingerprints fingerprints) {
        return new EngagementSnapshotFilter(fingerprints);
    }

    /**
     * Several command instances may append to the same engagement at once; the unique
     * (aggregateIdentifier, sequenceNumber) key lets one win and fails the other with a
     * ConcurrencyException (AggregateStreamCreationException for two creations). Nothing of the loser
     * was recorded, so it is safe to send it again: it is judged anew on the winner's state. Anything
     * else (a rejection, a broken database) is never retried. Once retries run out the caller gets 409.
     */
    @Bean
    public CommandGateway commandGateway(
            CommandBus commandBus,
            @Value("${ledger.commands.conflict-retries:5}") int retries,
            @Value("${ledger.commands.conflict-backoff:PT0.02S}") Duration backoff) {
        ExponentialBackOffIntervalRetryScheduler retryScheduler = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(Executors.newScheduledThreadPool(4, DaemonThreads.named("command-retry")))
                .maxRetryCount(retries)
                .backoffFactor(backoff.toMillis())
                // asked of the failure and of each of its causes: a conflict's chain ends in the SQL error
                .nonTransientFailurePredicate(failure -> !(failure instanceof ConcurrencyException
                        || failure instanceof AggregateStreamCreationException
                        || failure instanceof SQLException))
                .build();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retryScheduler)
                .build();
    }
}
