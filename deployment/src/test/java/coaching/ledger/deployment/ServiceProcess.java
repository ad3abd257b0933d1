package coaching.ledger.deployment;

import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service (command-service.jar or query-service.jar) running as a child process on a
 * PostgreSQL schema, as an operator would run it. Its output goes to target/&lt;name&gt;.log.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess command(String name, String schema) {
        return start(name, System.getProperty("command.jar"), schema);
    }

    static ServiceProcess query(String name, String schema) {
        return start(name, System.getProperty("query.jar"), schema);
    }

    private static ServiceProcess start(String name, String jar, String schema) {
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        try {
            Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true", "-jar", jar,
                    "--server.port=" + port,
                    "--spring.datasource.url=" + TestDatabases.postgresUrl() + "?currentSchema=" + schema,
                    "--spring.datasource.username=" + TestDatabases.postgresUser(),
                    "--spring.datasource.password=" + TestDatabases.postgresPassword())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServiceProcess(name, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " from " + jar, e);
        }
    }

    /** Waits until every given service answers its health check. */
    static void awaitHealthy(List<ServiceProcess> services) throws InterruptedException {
        for (ServiceProcess service : services) {
            service.awaitHealthy();
        }
    }

    private void awaitHealthy() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http().get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not become healthy within " + START_TIMEOUT + ":\n" + logTail());
    }

    LedgerHttp http() {
        return new LedgerHttp(port);
    }

    /** The token store's owner name of this process's claims (Axon's default: pid@host). */
    String tokenOwnerPrefix() {
        return process.pid() + "@";
    }

    /** Ends the process the hard way: no shutdown hooks, claims stay in the token store until they expire. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
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
