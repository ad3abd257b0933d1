package coaching.ledger.query.hr;

import coaching.ledger.platform.DaemonThreads;
import coaching.ledger.platform.web.TooManyRequests;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HR live streams: opens them (a few per HR user at most) and tells each which engagements
 * changed once the projection's batch has committed, so a stream never shows a change that was
 * rolled back. A change is only an engagement id; each stream reads the rows when it sends them.
 *
 * <p>Written here rather than with Axon's subscription queries: those keep every update of a
 * subscription in a replay buffer for its whole life (up to the buffer size, each a full row) and
 * have no way to end a subscriber that falls behind.
 */
@Component
public class HrEngagementFeed {

    /** A stream lasts at most this long; {@code EventSource} reconnects by itself. */
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /**
     * Rows read and sent at a time, for the first answer and for changes: what a stream holds of the
     * rows themselves, however large their updates are.
     */
    private static final int PAGE_SIZE = 20;

    private static final String CHANGED_IN_BATCH = HrEngagementFeed.class.getName() + ".changed";

    private final HrView view;
    private final int maxPerUser;
    private final int maxPending;
    private final Duration heartbeat;
    private final Set<HrLiveStream> streams = new CopyOnWriteArraySet<>();
    private final AtomicLong cutOff = new AtomicLong();
    // a stream's drain blocks while its client does not read: one thread per draining stream, as
    // many as streams are open at most (bounded by the per-user limit)
    private final ExecutorService senders = Executors.newCachedThreadPool(DaemonThreads.named("hr-stream"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("hr-stream-heartbeat"));

    public HrEngagementFeed(
            HrView view,
            @Value("${ledger.hr.stream.max-per-user}") int maxPerUser,
            @Value("${ledger.hr.stream.max-pending}") int maxPending,
            @Value("${ledger.hr.stream.heartbeat}") Duration heartbeat) {
        this.view = view;
        this.maxPerUser = maxPerUser;
        this.maxPending = maxPending;
        this.heartbeat = heartbeat;
        heartbeats.scheduleWithFixedDelay(
                () -> streams.forEach(HrLiveStream::heartbeat),
                heartbeat.toMillis(),
                heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Every engagement as {@code hrUserId} sees it now, then each one that changes. */
    SseEmitter open(String hrUserId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        HrLiveStream stream =
                new HrLiveStream(hrUserId, emitter, view, senders, PAGE_SIZE, maxPending, cutOff::incrementAndGet);
        synchronized (streams) {
            if (streams.stream()
                            .filter(open -> open.hrUserId().equals(hrUserId))
                            .count()
                    >= maxPerUser) {
                throw new TooManyRequests(
                        "at most " + maxPerUser
                                + " HR live streams per user are open at a time; close one or retry later",
                        heartbeat);
            }
            streams.add(stream);
        }
        Runnable gone = () -> {
            streams.remove(stream);
            stream.end(HrLiveStream.Ending.GONE);
        };
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(failure -> gone.run());
        stream.start();
        return emitter;
    }

    /** Called by the projection for each engagement whose HR row it changed in the current batch. */
    void changed(String engagementId) {
        if (!CurrentUnitOfWork.isStarted()) {
            notifyStreams(List.of(engagementId));
            return;
        }
        // collected even while no stream is open: one opened before this batch commits must hear of it
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        batch.getOrComputeResource(CHANGED_IN_BATCH, key -> {
                    Set<String> changed = new LinkedHashSet<>();
                    batch.afterCommit(committed -> notifyStreams(changed));
                    return changed;
                })
                .add(engagementId);
    }

    private void notifyStreams(Collection<String> engagementIds) {
        streams.forEach(stream -> stream.changed(engagementIds));
    }

    /** Changed engagements the open streams have yet to send, per stream. */
    public List<Integer> pendingChanges() {
        return streams.stream().map(HrLiveStream::pendingChanges).toList();
    }

    public int openStreams() {
        return streams.size();
    }

    /** Streams ended because their client fell too far behind, since the start. */
    public long streamsCutOff() {
        return cutOff.get();
    }

    /** Open streams end when the application stops, so its graceful shutdown need not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        heartbeats.shutdownNow();
        streams.forEach(stream -> stream.end(HrLiveStream.Ending.SHUTDOWN));
        senders.shutdown();
    }
}
