package coaching.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One integrator following the event export ({@code GET /api/v1/events?after=&limit=}): pages from
 * the first event to the tail, then polls the tail, as a downstream system does. A refusal
 * ({@code 429} beyond the concurrency cap, {@code 503}) waits for its {@code Retry-After}; any other
 * answer but {@code 200} is counted as an error and retried a second later.
 */
final class ExportFollower implements AutoCloseable {

    private static final int PAGE = 1_000;
    private static final long TAIL_POLL_MILLIS = 1_000;

    private final Http http;
    private final Thread thread;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;
    private volatile long after;
    private volatile boolean closed;

    ExportFollower(Http http) {
        this.http = http;
        this.thread = new Thread(this::follow, "export-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (!closed) {
            long pause;
            try {
                HttpResponse<String> response =
                        http.get("integrator-ivy", "/api/v1/events?after=" + after + "&limit=" + PAGE);
                pause = switch (response.statusCode()) {
                    case 200 -> page(response.body());
                    case 429, 503 -> {
                        refusals.incrementAndGet();
                        yield 1_000
                                * response.headers()
                                        .firstValueAsLong("Retry-After")
                                        .orElse(1);
                    }
                    default -> error(response.statusCode() + ": " + response.body());
                };
            } catch (RuntimeException e) {
                pause = closed ? 0 : error(e.toString());
            }
            if (pause > 0 && !closed) {
                Ledger.sleep(pause);
            }
        }
    }

    /** Counts the page's events and moves past the last; answers how long to wait (at the tail: a poll interval). */
    private long page(String body) {
        String[] lines = body.isBlank() ? new String[0] : body.strip().split("\n");
        if (lines.length > 0) {
            try {
                JsonNode last = Ledger.JSON.readTree(lines[lines.length - 1]);
                after = last.path("globalIndex").asLong(after);
            } catch (java.io.IOException e) {
                return error("unreadable export line: " + e.getMessage());
            }
        }
        events.addAndGet(lines.length);
        pages.incrementAndGet();
        return lines.length < PAGE ? TAIL_POLL_MILLIS : 0;
    }

    private long error(String what) {
        errors.incrementAndGet();
        if (firstError == null) {
            firstError = what.length() > 300 ? what.substring(0, 300) : what;
        }
        return 1_000;
    }

    long events() {
        return events.get();
    }

    long pages() {
        return pages.get();
    }

    long refusals() {
        return refusals.get();
    }

    long errors() {
        return errors.get();
    }

    String firstError() {
        return firstError;
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(150_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
