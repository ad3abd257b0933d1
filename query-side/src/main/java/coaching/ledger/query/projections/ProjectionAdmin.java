package coaching.ledger.query.projections;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.platform.DaemonThreads;
import coaching.ledger.query.Views;
import coaching.ledger.query.projections.deadletters.DeadLetterAdmin;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Status and replay of the query side's projections. Position and catching up are those of the
 * segments this instance holds; with several query instances each answers for its own share.
 */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final SegmentBalancer instances;
    private final DeadLetterAdmin deadLetters;
    /** Replays asked for whose processor has not been reset and restarted yet. */
    private final Set<String> restarting = ConcurrentHashMap.newKeySet();

    private final ExecutorService replays = Executors.newSingleThreadExecutor(DaemonThreads.named("projection-replay"));

    public ProjectionAdmin(
            EventProcessingConfiguration processing, SegmentBalancer instances, DeadLetterAdmin deadLetters) {
        this.processing = processing;
        this.instances = instances;
        this.deadLetters = deadLetters;
    }

    public List<ProjectionStatus> statuses() {
        return Views.NAMES.stream().map(this::status).toList();
    }

    /**
     * Stops the processor, resets its tokens to the first event (its @ResetHandler empties the
     * view's tables and its dead-letter queue drops the view's parked events, which the replay
     * handles again, all in the same transaction) and starts it again, in the background: the caller
     * gets an answer at once and every other view keeps serving meanwhile.
     */
    public ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        int live = instances.liveInstances();
        if (live > 1) {
            // a reset needs every segment's claim, and the other instances would take them right back
            throw Rejection.conflict("a replay needs this to be the only query instance, but " + live
                    + " are running: scale the query service to one instance, replay, then scale it up again");
        }
        if (!restarting.add(name)) {
            return status(name);
        }
        // the answer is taken before the restart starts: a small view may be rebuilt before a status
        // taken afterwards, which would answer a replay it just accepted with "replaying": false
        ProjectionStatus accepted = status(name);
        replays.execute(() -> restart(name, processor));
        return accepted;
    }

    private void restart(String name, StreamingEventProcessor processor) {
        try {
            processor.shutDown();
            processor.resetTokens();
            log.info("projection {} reset; rebuilding from the first event", name);
        } catch (RuntimeException e) {
            log.error("projection {} could not be reset; it resumes where it was", name, e);
        } finally {
            processor.start();
            restarting.remove(name);
        }
    }

    private ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        // segments another instance holds are not available to this one; those nobody holds are
        boolean allClaimed = !segments.isEmpty()
                && segments.size()
                        == processing
                                .tokenStore(name)
                                .fetchAvailableSegments(name)
                                .size();
        boolean replaying = restarting.contains(name) || segments.stream().anyMatch(ProjectionAdmin::replaying);
        boolean caughtUp = processor.isRunning()
                && allClaimed
                && !replaying
                && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ProjectionStatus(
                name,
                processor.isRunning(),
                position(segments),
                caughtUp,
                replaying,
                replaying ? progress(segments) : null,
                deadLetters.parked(name));
    }

    /**
     * A segment stays marked as replaying until an event newer than the reset arrives; once it has
     * processed up to the position of the reset and is caught up, its replay is done.
     */
    private static boolean replaying(EventTrackerStatus segment) {
        return segment.isReplaying()
                && !(segment.isCaughtUp()
                        && current(segment) >= segment.getResetPosition().orElse(0));
    }

    private static Long position(Collection<EventTrackerStatus> segments) {
        return segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
    }

    /** The slowest replaying segment's share of the way to the position of the reset. */
    private static int progress(Collection<EventTrackerStatus> segments) {
        return segments.stream()
                .filter(ProjectionAdmin::replaying)
                .mapToInt(segment ->
                        percent(current(segment), segment.getResetPosition().orElse(0)))
                .min()
                .orElse(0);
    }

    private static long current(EventTrackerStatus segment) {
        return segment.getCurrentPosition().orElse(0);
    }

    private static int percent(long position, long target) {
        return target <= 0 ? 100 : (int) Math.min(100, position * 100 / target);
    }

    private StreamingEventProcessor processor(String name) {
        Views.requireKnown(name);
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("projection " + name + " has no streaming processor"));
    }

    @PreDestroy
    void stop() {
        replays.shutdownNow();
    }
}
