package coaching.ledger.app;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 stored events exported by the packaged ledger running with a 192 MB heap: their session
 * notes alone are 200 MB, so the export only succeeds if it streams. Prints the export and
 * verification rates (measurements, not asserted).
 */
class ExportAtScaleIT {

    private static final int ENGAGEMENTS = 1_000;
    private static final int EVENTS_EACH = 100;
    private static final int EVENTS = ENGAGEMENTS * EVENTS_EACH;
    private static final String NOTES_MARKER = "CONFIDENTIAL-NOTE";

    @TempDir
    Path directory;

    private Process ledger;

    @AfterEach
    void stopLedger() throws InterruptedException {
        if (ledger != null) {
            ledger.destroy();
            if (!ledger.waitFor(10, TimeUnit.SECONDS)) {
                ledger.destroyForcibly().waitFor();
            }
            ledger = null;
        }
    }

    @Test
    void exportsAHundredThousandEventsInBoundedMemory() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("ledger").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        storeSessions(url);

        int port = freePort();
        ledger = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx192m",
                        "-Daxoniq.update-checker.disabled=true",
                        "-jar",
                        System.getProperty("ledger.jar"),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + url,
                        // checkpoints of its own: one another test's ledger published would (rightly) not match
                        "--ledger.checkpoints.publish-dir="
                                + Path.of("target", "published-checkpoints", "export-at-scale-" + UUID.randomUUID()))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "export-at-scale-ledger.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        awaitSealed(http, port);

        AtomicLong lines = new AtomicLong();
        AtomicLong lastIndex = new AtomicLong();
        AtomicLong leaks = new AtomicLong();
        long exportStart = System.nanoTime();
        HttpResponse<Stream<String>> export = http.send(
                get(port, "/api/v1/events?limit=" + EVENTS, "integrator-ivy"), HttpResponse.BodyHandlers.ofLines());
        assertThat(export.statusCode()).isEqualTo(200);
        try (Stream<String> body = export.body()) {
            body.forEach(line -> {
                long index = Long.parseLong(line.substring(line.indexOf(':') + 1, line.indexOf(',')));
                assertThat(index).isGreaterThan(lastIndex.get());
                lastIndex.set(index);
                lines.incrementAndGet();
                if (line.contains(NOTES_MARKER)) {
                    leaks.incrementAndGet();
                }
            });
        }
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
        assertThat(lines).hasValue(EVENTS);
        assertThat(leaks).hasValue(0);
        assertThat(ledger.isAlive())
                .as("the ledger survived the export with a 192 MB heap")
                .isTrue();

        long verifyStart = System.nanoTime();
        HttpResponse<String> verification = http.send(
                get(port, "/api/v1/compliance/verification", "compliance-cy"), HttpResponse.BodyHandlers.ofString());
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(verification.body()).contains("\"verified\":true", "\"eventsChecked\":" + EVENTS);
        stopLedger();
        long cliStart = System.nanoTime();
        int exitCode = VerifyCommand.run(new String[] {"--spring.datasource.url=" + url}, System.out, System.err);
        double cliSeconds = (System.nanoTime() - cliStart) / 1e9;
        assertThat(exitCode).isEqualTo(VerifyCommand.VERIFIED);
        System.out.printf(
                "export: %d events in %.1f s (%.0f events/s, ledger at -Xmx192m, projections catching up);"
                        + " verification over HTTP: %.1f s (%.0f events/s); verify command on the idle store: %.1f s"
                        + " (%.0f events/s, including start-up)%n",
                EVENTS,
                exportSeconds,
                EVENTS / exportSeconds,
                verifySeconds,
                EVENTS / verifySeconds,
                cliSeconds,
                EVENTS / cliSeconds);
    }

    /** 100 sessions for each of 1,000 engagements, with 2 KB of notes each, straight into the event table. */
    private static void storeSessions(String url) throws Exception {
        String notes = NOTES_MARKER + " " + "x".repeat(2_000);
        byte[] metaData = "{\"actorId\":\"coach-cole\",\"actorRole\":\"COACH\",\"correlationId\":\"bulk\"}"
                .getBytes(StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO DomainEventEntry (eventIdentifier,"
                                + " aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload,"
                                + " metaData) VALUES (?, ?, ?, 'Engagement', ?, 'coaching.ledger.kernel.sessions.SessionLogged', '1', ?, ?)")) {
            connection.setAutoCommit(false);
            String timeStamp = Instant.now().minusSeconds(3_600).toString();
            for (int sequence = 0; sequence < EVENTS_EACH; sequence++) {
                for (int engagement = 0; engagement < ENGAGEMENTS; engagement++) {
                    String id = "bulk-" + engagement;
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, id);
                    insert.setLong(3, sequence);
                    insert.setString(4, timeStamp);
                    insert.setBytes(
                            5,
                            ("{\"engagementId\":\"" + id + "\",\"sessionId\":\"s-" + sequence
                                            + "\",\"coachId\":\"coach-cole\",\"heldOn\":\"2026-01-01\",\"durationMinutes\":60,\"notes\":\""
                                            + notes + "\"}")
                                    .getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(6, metaData);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }

    private static void awaitSealed(HttpClient http, int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> last = http.send(
                        get(port, "/api/v1/events?limit=1&after=" + (EVENTS - 1), "integrator-ivy"),
                        HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 200 && !last.body().isBlank()) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the ledger is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the ledger did not seal the stored events within 3 minutes");
    }

    private static HttpRequest get(int port, String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
