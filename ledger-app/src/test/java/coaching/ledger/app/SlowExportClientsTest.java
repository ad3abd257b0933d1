package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight export clients that read a few bytes a second stay connected while commands go on: the
 * export borrows a pooled connection per page and returns it before writing, so a slow reader holds
 * a request thread, never a connection. Prints the command latencies and the pool's peak use; asserts
 * only a generous bound against a hang, and that no thread ever waited for a connection. The cap per
 * role is set to 8 here so all eight run (a ninth of the same role is answered 429), and the async
 * executor that runs streamed bodies gets 16 threads, as docs/store-guarantees.md ("Bounded memory") says a raised cap needs.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.export.max-concurrent-per-role=8", "spring.task.execution.pool.core-size=16"})
abstract class SlowExportClientsTest {

    private static final int CLIENTS = 8;
    private static final int EVENTS = 3_000;
    private static final int COMMANDS = 20;
    private static final Duration HANG = Duration.ofSeconds(10);

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void eightSlowExportClientsDoNotStallCommands() throws Exception {
        storeSessions();
        awaitSealed();
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        PoolWatch pool = new PoolWatch(hikari.getHikariPoolMXBean());
        List<SlowClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new SlowClient(port, "integrator-ivy"));
            }
            assertThat(clients).allSatisfy(client -> assertThat(client.status).isEqualTo(200));
            Thread.sleep(1_000);

            LedgerHttp http = new LedgerHttp(port);
            LedgerHttp.Response ninth = http.get("/api/v1/events?limit=1", "integrator-ivy");
            assertThat(ninth.status()).as(ninth.toString()).isEqualTo(429);
            assertThat(ninth.header("Retry-After")).isEqualTo("5");
            assertThat(ninth.header("Content-Type")).startsWith("application/problem+json");
            assertThat(http.get("/api/v1/events?limit=1", "compliance-cy").status())
                    .as("another role's own slots")
                    .isEqualTo(200);

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                long start = System.nanoTime();
                LedgerHttp.Response opened = http.post("/api/v1/engagements", "hr-hana", """
                        {"engagementId":"slow-%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(
                                UUID.randomUUID().toString().substring(0, 8)));
                latencies.add((System.nanoTime() - start) / 1_000_000);
                assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
                Thread.sleep(200);
            }
            pool.stop();

            assertThat(clients)
                    .as("the slow exports were still running throughout")
                    .allSatisfy(client -> assertThat(client.ended).isFalse());
            assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(HANG.toMillis()));
            assertThat(pool.maxWaiting.get())
                    .as("no thread waited for a pooled connection")
                    .isZero();
            assertThat(pool.maxActive.get()).isLessThan(hikari.getMaximumPoolSize());
            List<Long> sorted = latencies.stream().sorted().toList();
            System.out.printf(
                    "%d slow export clients connected (each read %d-%d bytes so far): %d commands, latency p50 %d ms,"
                            + " max %d ms; pool: peak %d of %d connections in use, peak %d threads waiting%n",
                    CLIENTS,
                    clients.stream().mapToLong(c -> c.bytes.get()).min().orElse(0),
                    clients.stream().mapToLong(c -> c.bytes.get()).max().orElse(0),
                    COMMANDS,
                    sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1),
                    pool.maxActive.get(),
                    hikari.getMaximumPoolSize(),
                    pool.maxWaiting.get());
        } finally {
            pool.stop();
            for (SlowClient client : clients) {
                client.close();
            }
        }
        awaitSlotsReleased();
    }

    /** A client gone away frees its slot: the export's next write fails and the run ends. */
    private void awaitSlotsReleased() throws InterruptedException {
        LedgerHttp http = new LedgerHttp(port);
        Instant deadline = Instant.now().plusSeconds(30);
        int answered;
        while ((answered = http.get("/api/v1/events?limit=1", "integrator-ivy").status()) == 429
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(answered).as("slots freed after the slow clients left").isEqualTo(200);
    }

    /**
     * Sessions straight into the event table, each with 4 KB of metadata (exported as is, unlike the
     * redacted notes), so each export has far more to send than socket buffers hold.
     */
    private void storeSessions() {
        String notes = "n".repeat(100);
        // a long correlation id keeps each exported line about 4 KB: the export shows only allow-listed fields
        String correlationId = "c".repeat(4_000);
        String timeStamp = Instant.now().toString();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String engagement = "bulk-" + (i % 100);
            rows.add(new Object[] {
                UUID.randomUUID().toString(),
                engagement,
                (long) (i / 100),
                timeStamp,
                ("{\"engagementId\":\"" + engagement + "\",\"sessionId\":\"s-" + i + "\",\"coachId\":\"coach-cole\","
                                + "\"heldOn\":\"2026-01-01\",\"durationMinutes\":60,\"notes\":\"" + notes + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                ("{\"actorId\":\"coach-cole\",\"actorRole\":\"COACH\",\"correlationId\":\"" + correlationId + "\"}")
                        .getBytes(StandardCharsets.UTF_8)
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, 'Engagement', ?,"
                        + " 'coaching.ledger.kernel.sessions.SessionLogged', '1', ?, ?)",
                rows);
    }

    private void awaitSealed() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (jdbc.queryForObject(
                        "SELECT COUNT(*) FROM DomainEventEntry e WHERE NOT EXISTS"
                                + " (SELECT 1 FROM event_chain c WHERE c.globalIndex = e.globalIndex)",
                        Long.class)
                > 0) {
            assertThat(Instant.now()).as("sealed within 60 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** An HTTP/1.1 export request over a socket with a small receive buffer, read a few bytes at a time. */
    private static final class SlowClient implements AutoCloseable {

        final int status;
        final AtomicLong bytes = new AtomicLong();
        volatile boolean ended;
        private final Socket socket;
        private final AtomicBoolean closed = new AtomicBoolean();

        SlowClient(int port, String user) throws IOException {
            socket = new Socket();
            socket.setReceiveBufferSize(2_048);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events?limit=100000 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c; (c = in.read()) != '\n' && c >= 0; ) {
                statusLine.append((char) c);
            }
            status = Integer.parseInt(statusLine.toString().split(" ")[1]);
            Thread reader = new Thread(() -> readSlowly(in), "slow-export-client");
            reader.setDaemon(true);
            reader.start();
        }

        /** 16 bytes every half second. */
        private void readSlowly(InputStream in) {
            byte[] buffer = new byte[16];
            try {
                while (!closed.get()) {
                    int read = in.read(buffer);
                    if (read < 0) {
                        ended = true;
                        return;
                    }
                    bytes.addAndGet(read);
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException e) {
                ended = !closed.get();
            }
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
            socket.close();
        }
    }

    /** Samples the pool every 10 ms: the most connections in use and threads waiting for one. */
    private static final class PoolWatch {

        final AtomicInteger maxActive = new AtomicInteger();
        final AtomicInteger maxWaiting = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);

        PoolWatch(HikariPoolMXBean pool) {
            Thread sampler = new Thread(
                    () -> {
                        while (running.get()) {
                            maxActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
                            maxWaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "pool-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() {
            running.set(false);
        }
    }
}
