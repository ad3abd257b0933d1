package coaching.ledger.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;

/** Snapshots keep loading a long engagement cheap. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /** Taken off the command's thread, so a command never waits for a snapshot to be written. */
    @Bean
    public SpringAggregateSnapshotterFactoryBean aggregateSnapshotter() {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engagement-snapshotter");
            thread.setDaemon(true);
            return thread;
        }));
        return snapshotter;
    }

    @Bean
    public SnapshotTriggerDefinition engagementSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ledger.snapshot.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
