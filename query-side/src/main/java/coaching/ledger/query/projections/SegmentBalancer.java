package coaching.ledger.query.projections;

import coaching.ledger.platform.PeriodicTask;
import coaching.ledger.query.Views;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Shares every projection's segments evenly among the query instances alive. A pooled processor
 * claims every free segment, so the first instance would keep them all and the next ones would idle;
 * Axon leaves the balancing to the application. Each instance announces itself in
 * {@code query_instance}; one holding more than its share of a processor's segments releases the
 * surplus for a while, for another instance to claim. An instance that dies stops announcing itself
 * before its claims expire (the token store's claim timeout), so the others' share has grown by the
 * time they take its segments over.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final String instanceId = UUID.randomUUID().toString();
    private final long instanceTimeoutSeconds;
    private final Duration release;
    private final PeriodicTask rounds;

    public SegmentBalancer(
            JdbcClient jdbc,
            EventProcessingConfiguration processing,
            @Value("${ledger.projections.balance-interval:PT2S}") Duration interval,
            @Value("${ledger.projections.instance-timeout:PT6S}") Duration instanceTimeout,
            @Value("${ledger.projections.release-duration:PT6S}") Duration release) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.rounds = new PeriodicTask("segment-balancer", interval, this::balance);
        this.instanceTimeoutSeconds = Math.max(1, instanceTimeout.toSeconds());
        this.release = release;
    }

    /** The query instances that announced themselves recently, this one included once it started. */
    public int liveInstances() {
        return jdbc.sql("SELECT COUNT(*) FROM query_instance WHERE last_seen > CURRENT_TIMESTAMP - INTERVAL '"
                        + instanceTimeoutSeconds + "' SECOND")
                .query(Integer.class)
                .single();
    }

    void balance() {
        announce();
        int live = Math.max(1, liveInstances());
        for (String name : Views.NAMES) {
            processing
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .ifPresent(processor -> share(processor, live));
        }
    }

    private void announce() {
        if (jdbc.sql("UPDATE query_instance SET last_seen = CURRENT_TIMESTAMP WHERE instance_id = ?")
                        .param(instanceId)
                        .update()
                == 0) {
            jdbc.sql("INSERT INTO query_instance (instance_id, last_seen) VALUES (?, CURRENT_TIMESTAMP)")
                    .param(instanceId)
                    .update();
        }
        // rows of instances that died long ago; a live one re-announces itself within seconds
        jdbc.sql("DELETE FROM query_instance WHERE last_seen < CURRENT_TIMESTAMP - INTERVAL '3600' SECOND")
                .update();
    }

    private void share(StreamingEventProcessor processor, int live) {
        int segments = processing.tokenStore(processor.getName()).fetchSegments(processor.getName()).length;
        int share = (segments + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        for (int segment : held.subList(0, Math.max(0, held.size() - share))) {
            log.info("releasing segment {} of {} to another of {} query instances", segment, processor.getName(), live);
            processor.releaseSegment(segment, release.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void start() {
        rounds.start();
    }

    /** Leaves at once, so the other instances need not wait for this one to time out. */
    @Override
    public void stop() {
        if (rounds.stop()) {
            try {
                jdbc.sql("DELETE FROM query_instance WHERE instance_id = ?")
                        .param(instanceId)
                        .update();
            } catch (RuntimeException e) {
                log.debug("could not sign off; the row times out instead", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
