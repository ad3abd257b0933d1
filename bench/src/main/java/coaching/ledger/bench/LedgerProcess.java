package coaching.ledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

    private final Store store;
    private final Process process;
    private final Http http;
    private final Path log;

    private LedgerProcess(Store store, Process process, Http http, Path log) {
        this.store = store;
        this.process = process;
        this.http = http;
        this.log = log;
    }

    static LedgerProcess start(BenchOptions options, Store store, Map<String, String> properties, String logName) {
        if (!Files.exists(options.ledgerJar())) {
            throw new IllegalStateException("no " + options.ledgerJar() + ": build it first (bench/run.sh does)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options.ledgerJvmArgs());
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(List.of("-jar", options.ledgerJar().toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + store.url(),
                "--spring.datasource.username=" + store.user(),
                "--spring.datasource.password=" + store.password(),
                "--logging.level.root=WARN"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = options.workDirectory().resolve("logs").resolve(logName + ".log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LedgerProcess ledger = new LedgerProcess(store, process, new Http("http://127.0.0.1:" + port), log);
            ledger.awaitHealthy(Duration.ofMinutes(3));
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ledger exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.get("admin-ada", "/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Ledger.sleep(200);
        }
        close();
        throw new IllegalStateException("the ledger did not start within " + timeout + "; see " + log);
    }

    @Override
    public boolean chainSealed() {
        if (!store.isPostgres()) {
            return true; // the process owns the H2 file
        }
        try (Connection connection = store.connect(); Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT COALESCE(MAX(globalIndex), 0) - (SELECT lastIndex FROM event_chain_head"
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
        return Cpu.processNanos(process.pid());
    }

    @Override
    public long peakRssKb() {
        return Cpu.peakRssKb(process.pid());
    }

    @Override
    public String where() {
        return "ledger-app.jar";
    }

    /** Stops it the way an operator does (SIGTERM, graceful: processors release their token claims). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
