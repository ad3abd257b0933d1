package coaching.ledger.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background work a process repeats with a fixed delay on a daemon thread of its own, from start to
 * stop. A failed round is logged and the next one comes as usual.
 */
public final class PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable round;
    private ScheduledExecutorService scheduler;
    /** Touched only by the scheduler's one thread. */
    private long failedRounds;

    public PeriodicTask(String name, Duration interval, Runnable round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        scheduler.scheduleWithFixedDelay(this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers whether it was running. */
    public synchronized boolean stop() {
        if (scheduler == null) {
            return false;
        }
        scheduler.shutdownNow();
        scheduler = null;
        return true;
    }

    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /**
     * A failure that repeats (the database is unreachable: docs/store-guarantees.md, "Database outage") is logged in full
     * once, then once a minute; the round that succeeds again says how many failed before it.
     */
    private void runQuietly() {
        try {
            round.run();
            if (failedRounds > 0) {
                log.info("{} works again after {} failed rounds", name, failedRounds);
                failedRounds = 0;
            }
        } catch (RuntimeException e) {
            if (failedRounds++ % roundsPerMinute() == 0) {
                log.warn("{} failed ({} rounds in a row); retrying every {}", name, failedRounds, interval, e);
            }
        }
    }

    private long roundsPerMinute() {
        return Math.max(1, Duration.ofMinutes(1).toMillis() / Math.max(1, interval.toMillis()));
    }
}
