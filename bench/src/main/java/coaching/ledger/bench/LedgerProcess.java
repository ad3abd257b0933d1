package coaching.ledger.bench;

import coaching.ledger.platform.testing.PackagedJar;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged ledger-app.jar as its own process: what an operator runs, measured from /proc. */
final class LedgerProcess implements Ledger {

    /** The packaged ledger runs on the bench's own JVM (PackagedJar), so this jcmd matches it. */
    private static final String JCMD = jcmd();

    private final Store store;
    private final PackagedJar jar;
    private final Http http;

    private LedgerProcess(Store store, PackagedJar jar) {
        this.store = store;
        this.jar = jar;
        this.http = new Http(jar.baseUrl());
    }

    static LedgerProcess start(BenchOptions options, Store store, Map<String, String> properties, String logName) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + store.url(),
                "--spring.datasource.username=" + store.user(),
                "--spring.datasource.password=" + store.password(),
                "--logging.level.root=WARN"));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        PackagedJar jar = PackagedJar.start(
                "ledger-app",
                options.ledgerJar(),
                options.ledgerJvmArgs(),
                args,
                options.workDirectory().resolve("logs").resolve(logName + ".log"));
        return new LedgerProcess(store, jar.awaitHealthy(Duration.ofMinutes(3)));
    }

    @Override
    public boolean chainSealed() {
        if (!store.isPostgres()) {
            return true; // the process owns the H2 file
        }
        try (Connection connection = store.connect();
                Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery(
                    "SELECT COALESCE(MAX(globalIndex), 0) - (SELECT lastIndex FROM event_chain_head"
                            + " WHERE id = 1) FROM DomainEventEntry");
            rows.next();
            return rows.getLong(1) <= 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Http http() {
        return http;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public long cpuNanos() {
        return Cpu.processNanos(jar.pid());
    }

    @Override
    public long peakRssKb() {
        return Cpu.peakRssKb(jar.pid());
    }

    @Override
    public long openSockets() {
        return Cpu.openSockets(jar.pid());
    }

    @Override
    public long rssKb() {
        return Cpu.rssKb(jar.pid());
    }

    /**
     * The actuator's {@code jvm.memory.used} over the heap areas; the bench starts the ledger with the
     * {@code metrics} endpoint exposed (production exposes health and info only).
     */
    @Override
    public long heapUsedBytes() {
        return metric("jvm.memory.used?tag=area:heap");
    }

    @Override
    public long heapCommittedBytes() {
        return metric("jvm.memory.committed?tag=area:heap");
    }

    @Override
    public long nonHeapCommittedBytes() {
        return metric("jvm.memory.committed?tag=area:nonheap");
    }

    /**
     * {@code jcmd <pid> GC.run} (a full GC, as {@code System.gc()} inside it), then Micrometer's
     * {@code jvm.gc.live.data.size}: the old generation after that collection, which a full GC leaves
     * holding every live object. Micrometer sets it from the GC notification (after a full GC, or a
     * young one that shrank the old generation), a moment after jcmd returns: polled until it changes.
     */
    @Override
    public long liveHeapBytes() {
        long before = metric("jvm.gc.live.data.size");
        runJcmd("GC.run");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long after = metric("jvm.gc.live.data.size");
        while (after == before && System.nanoTime() < deadline) {
            Ledger.sleep(50);
            after = metric("jvm.gc.live.data.size");
        }
        return after;
    }

    private long metric(String nameAndTags) {
        HttpResponse<String> response = http.get("admin-ada", "/actuator/metrics/" + nameAndTags);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    nameAndTags + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
                if (measurement.path("statistic").asText().equals("VALUE")) {
                    return measurement.path("value").asLong();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(nameAndTags + " has no VALUE: " + response.body());
    }

    /** With the jcmd of the JDK running the bench, which also runs the packaged ledger (PackagedJar). */
    private void runJcmd(String command) {
        try {
            Process jcmd = new ProcessBuilder(JCMD, Long.toString(jar.pid()), command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                throw new IllegalStateException("jcmd " + command + " did not finish within 60 s");
            }
            if (jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " exited with " + jcmd.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + JCMD, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String jcmd() {
        try {
            Path java = Path.of(ProcessHandle.current().info().command().orElseThrow())
                    .toRealPath();
            Path jcmd = java.resolveSibling("jcmd");
            return Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        } catch (IOException | RuntimeException e) {
            return "jcmd";
        }
    }

    @Override
    public String where() {
        return "ledger-app.jar";
    }

    /** Stops it the way an operator does (SIGTERM, graceful: processors release their token claims). */
    @Override
    public void close() {
        jar.close();
    }
}
