package coaching.ledger.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Projection lag as W2 and the soak measure it: each new engagement (ids starting with a prefix) is
 * timed from the moment its command was due and from the moment it was accepted to the moment its
 * row (version 0) arrives on the HR live stream. Pending engagements are forgotten once seen, so a
 * soak of hours keeps only the ones in flight; a row seen again (a reconnected stream's initial rows)
 * is ignored.
 */
final class ProjectionLag implements HrStream.Listener {

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final String prefix;
    /** Per pending engagement: intended start, accepted (-1 until known), visible (-1 until seen). */
    private final Map<String, long[]> pending = new ConcurrentHashMap<>();

    private final Histogram lag = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Histogram endToEnd = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Recorder window = new Recorder(HIGHEST_MICROS, 3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    ProjectionLag(String prefix) {
        this.prefix = prefix;
    }

    /** Before the command is sent: {@code intended} is when it was due (open loop). */
    void due(String engagementId, long intended) {
        sent.incrementAndGet();
        pending.put(engagementId, new long[] {intended, -1, -1});
    }

    void accepted(String engagementId, long at) {
        record(engagementId, 1, at);
    }

    /** The command was not accepted: its row will never come. */
    void failed(String engagementId) {
        if (pending.remove(engagementId) != null) {
            failed.incrementAndGet();
        }
    }

    @Override
    public void visible(String engagementId, long version, long at) {
        if (version == 0 && engagementId.startsWith(prefix)) {
            record(engagementId, 2, at);
        }
    }

    private void record(String engagementId, int slot, long at) {
        long[] times = pending.get(engagementId);
        if (times == null) {
            return; // seen already, or not one of ours
        }
        synchronized (times) {
            times[slot] = at;
            if (times[1] >= 0 && times[2] >= 0 && pending.remove(engagementId, times)) {
                long micros = Math.max(0, times[2] - times[1]) / 1_000;
                lag.recordValue(micros);
                window.recordValue(micros);
                endToEnd.recordValue(Math.max(0, times[2] - times[0]) / 1_000);
                seen.incrementAndGet();
            }
        }
    }

    /** Waits up to {@code timeout} for every accepted engagement to show up; answers how many did not. */
    long awaitSeen(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Ledger.sleep(20);
        }
        return pending.size();
    }

    long sent() {
        return sent.get();
    }

    long seen() {
        return seen.get();
    }

    long failed() {
        return failed.get();
    }

    /** Accepted → on the stream, since the start. */
    Histogram lag() {
        return lag;
    }

    /** Intended start → on the stream, since the start (no coordinated omission). */
    Histogram endToEnd() {
        return endToEnd;
    }

    /** Accepted → on the stream, since the previous call (the soak's windows). */
    Histogram nextWindow() {
        return window.getIntervalHistogram();
    }
}
