package coaching.ledger.query.testing;

import coaching.ledger.platform.testing.LedgerHttp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A live server-sent-events connection whose events (their {@code id:} and {@code data:} lines) a test can wait for. */
public final class SseStream implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One event: its id (null when it has none) and its data line (JSON). */
    public record Event(String id, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private SseStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        CompletableFuture.runAsync(() -> {
            String[] id = {null};
            response.body().forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = line.substring("id:".length());
                } else if (line.startsWith("data:")) {
                    events.add(new Event(id[0], line.substring("data:".length())));
                } else if (line.isEmpty()) {
                    id[0] = null; // an event ends at a blank line
                }
            });
        });
    }

    /** Connects as {@code user} (password of the demo users) and returns once the response headers arrived. */
    public static SseStream open(int port, String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + LedgerHttp.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        return new SseStream(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    public int status() {
        return response.statusCode();
    }

    /** Waits up to 30 s for the first data line (JSON) that satisfies {@code wanted}, skipping others as they arrive. */
    public String awaitData(Predicate<String> wanted) throws InterruptedException {
        return awaitEvent(event -> wanted.test(event.data())).data();
    }

    /** Waits up to 30 s for the first event that satisfies {@code wanted}, skipping others as they arrive. */
    public Event awaitEvent(Predicate<Event> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (Event event; (event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no wanted event within " + WAIT);
    }

    @Override
    public void close() {
        response.body().close();
    }
}
