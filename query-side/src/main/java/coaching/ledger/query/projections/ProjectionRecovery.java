package coaching.ledger.query.projections;

import coaching.ledger.platform.PeriodicTask;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Resumes the views as soon as the database is back after an outage (README, "Database outage").
 * Axon 4.13.0's pooled coordinator retries a failure after 1 s, doubling up to 60 s, with no setting
 * for it: after a long outage the views stayed behind for up to a minute while commands worked again.
 * This looks at the database every {@code ledger.projections.recovery-interval}; when it answers
 * after having failed, every view whose processor is waiting out such a back-off is restarted, which
 * retries at once and continues from its last committed token. A processor failing while the database
 * answers (a handler that throws) keeps Axon's back-off.
 */
@Component
public class ProjectionRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRecovery.class);

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final PeriodicTask rounds;
    /** Touched only by the task's one thread. */
    private boolean databaseWasDown;

    public ProjectionRecovery(JdbcClient jdbc, EventProcessingConfiguration processing,
                              @Value("${ledger.projections.recovery-interval:PT1S}") Duration interval) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.rounds = new PeriodicTask("projection-recovery", interval, this::check);
    }

    void check() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
        } catch (DataAccessException unreachable) {
            databaseWasDown = true;
            return;
        }
        if (databaseWasDown) {
            databaseWasDown = false;
            ProjectionAdmin.NAMES.forEach(name -> processing.eventProcessor(name, StreamingEventProcessor.class)
                    .filter(processor -> processor.isRunning() && processor.isError())
                    .ifPresent(ProjectionRecovery::restart));
        }
    }

    private static void restart(StreamingEventProcessor processor) {
        log.info("database reachable again: restarting projection {} instead of waiting out its back-off",
                processor.getName());
        processor.shutdownAsync().whenComplete((stopped, failure) -> processor.start());
    }

    @Override
    public void start() {
        rounds.start();
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
