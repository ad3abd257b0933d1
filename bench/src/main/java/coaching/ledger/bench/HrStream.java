package coaching.ledger.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What an HR dashboard sees: the HR view's live stream ({@code GET /api/v1/hr/engagements/stream}).
 * Each SSE event is named by {@code <engagementId>@<version>}; the listener hears it the moment the
 * changed row arrives. Like a browser's EventSource it reconnects when the stream ends or is refused
 * (the server's stream timeout, a per-user limit), a second later.
 */
final class HrStream implements AutoCloseable {

    interface Listener {
        void visible(String engagementId, long version, long nanoTime);
    }

    private static final long RECONNECT_MILLIS = 1_000;

    private final Http http;
    private final Listener listener;
    private final AtomicReference<Stream<String>> lines = new AtomicReference<>();
    private final Thread reader;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean closed;

    HrStream(Http http, Listener listener) {
        this.http = http;
        this.listener = listener;
        reader = new Thread(this::readUntilClosed, "hr-stream");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!connected.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the HR stream did not connect");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readUntilClosed() {
        HttpRequest request = http.request("hr-hana", "/api/v1/hr/engagements/stream")
                .header("Accept", "text/event-stream")
                .timeout(java.time.Duration.ofHours(1))
                .GET()
                .build();
        while (!closed) {
            try {
                HttpResponse<Stream<String>> response =
                        http.client().send(request, HttpResponse.BodyHandlers.ofLines());
                lines.set(response.body());
                if (response.statusCode() == 200) {
                    connected.countDown();
                    response.body().forEach(this::line);
                }
                response.body().close();
            } catch (Exception ended) {
                // the ledger ended the stream, or the bench closed it
            }
            if (!closed) {
                reconnects.incrementAndGet();
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void line(String line) {
        if (!line.startsWith("id:")) {
            return;
        }
        events.incrementAndGet();
        String id = line.substring(3).strip();
        int at = id.lastIndexOf('@');
        if (at > 0) {
            try {
                listener.visible(id.substring(0, at), Long.parseLong(id.substring(at + 1)), System.nanoTime());
            } catch (NumberFormatException notAVersion) {
                // an event named otherwise: counted, not timed
            }
        }
    }

    /** Events received on every connection so far. */
    long events() {
        return events.get();
    }

    /** How often the stream ended or was refused and was opened again. */
    long reconnects() {
        return reconnects.get();
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> stream = lines.get();
        if (stream != null) {
            stream.close();
        }
        reader.interrupt();
    }
}
