package coaching.ledger.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What an HR dashboard sees: the HR view's live stream ({@code GET /api/v1/hr/engagements/stream}).
 * Each SSE event is named by {@code <engagementId>@<version>}; the listener hears it the moment the
 * changed row arrives.
 */
final class HrStream implements AutoCloseable {

    interface Listener {
        void visible(String engagementId, long version, long nanoTime);
    }

    private final AtomicReference<Stream<String>> lines = new AtomicReference<>();
    private final Thread reader;
    private final CountDownLatch connected = new CountDownLatch(1);

    HrStream(Http http, Listener listener) {
        HttpRequest request = http.request("hr-hana", "/api/v1/hr/engagements/stream")
                .header("Accept", "text/event-stream").timeout(java.time.Duration.ofHours(1)).GET().build();
        reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = http.client().send(request, HttpResponse.BodyHandlers.ofLines());
                lines.set(response.body());
                connected.countDown();
                response.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        String id = line.substring(3).strip();
                        int at = id.lastIndexOf('@');
                        listener.visible(id.substring(0, at), Long.parseLong(id.substring(at + 1)), System.nanoTime());
                    }
                });
            } catch (Exception closed) {
                // the stream ends when the bench closes it or the ledger stops
            } finally {
                connected.countDown();
            }
        }, "hr-stream");
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

    @Override
    public void close() {
        Stream<String> stream = lines.get();
        if (stream != null) {
            stream.close();
        }
        reader.interrupt();
    }
}
