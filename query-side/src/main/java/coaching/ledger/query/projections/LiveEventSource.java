package coaching.ledger.query.projections;

import coaching.ledger.platform.DaemonThreads;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the views' source, with streams that say when events arrive. Axon 4.13's pooled
 * processor looks at an idle stream again only every 500 ms unless the stream offers an availability
 * callback, and the embedded JDBC store's streams offer none: every view lagged 0.25–0.5 s behind
 * the commands (bench W2: p50 487 ms). Here one watcher thread tails the store, sharing the events the
 * store already caches for its streams (no extra reads, nothing deserialized), and wakes every
 * processor whose stream is waiting. A store whose streams have the callback (Axon Server) is used as is.
 * Wake-ups are at least {@code ledger.projections.wake-interval} apart: waking per event made every
 * view commit a transaction and a token per event, which cost half the append rate under load; a
 * short pause lets a burst arrive as one batch.
 */
@Component(LiveEventSource.BEAN)
public class LiveEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    /** The bean name the processors' {@code source} property names. */
    public static final String BEAN = "liveEventSource";

    private static final Logger log = LoggerFactory.getLogger(LiveEventSource.class);

    private final EventStore store;
    private final long wakeIntervalMillis;
    private final Set<Runnable> waiting = new CopyOnWriteArraySet<>();
    private volatile Thread watcher;
    private volatile boolean closed;

    public LiveEventSource(EventStore store, @Value("${ledger.projections.wake-interval}") Duration wakeInterval) {
        this.store = store;
        this.wakeIntervalMillis = wakeInterval.toMillis();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void destroy() {
        closed = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Opens the watcher's stream here, before the caller looks at its own, so no arrival falls between the two. */
    private synchronized void startWatcher() {
        if (watcher == null && !closed) {
            BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken());
            Thread thread = DaemonThreads.named("live-event-source").newThread(() -> watch(head));
            thread.start();
            watcher = thread;
        }
    }

    /** Follows the head of the store and, whenever events arrive, calls every waiting processor. */
    private void watch(BlockingStream<TrackedEventMessage<?>> first) {
        BlockingStream<TrackedEventMessage<?>> head = first;
        while (!closed) {
            try {
                if (head == null) {
                    head = store.openStream(store.createHeadToken());
                }
                if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (head.hasNextAvailable()) {
                        head.nextAvailable();
                    }
                    waiting.forEach(Runnable::run);
                    Thread.sleep(wakeIntervalMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.warn("Following the event store failed; processors fall back to polling until it resumes", e);
                if (head != null) {
                    head.close();
                    head = null;
                }
                waiting.forEach(Runnable::run);
                sleepBeforeRetry();
            }
        }
        if (head != null) {
            head.close();
        }
    }

    private void sleepBeforeRetry() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** A stream of the store that answers availability callbacks, through the store's own or the watcher. */
    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (delegate.setOnAvailableCallback(callback)) {
                return true;
            }
            this.callback = callback;
            waiting.add(callback);
            startWatcher();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                waiting.remove(callback);
            }
            delegate.close();
        }
    }
}
