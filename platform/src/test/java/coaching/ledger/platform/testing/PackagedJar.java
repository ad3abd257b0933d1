package coaching.ledger.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Spring Boot jar of this project (ledger-app, command-service, query-service) running as
 * a child process on a free port, as an operator runs it; its output goes to a log file. Used by the
 * multi-process tests and by the benchmark.
 */
public final class PackagedJar implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private PackagedJar(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    private static final String PUBLISH_DIR = "ledger.checkpoints.publish-dir";

    /** Starts {@code java <jvmArgs> -jar <jar> --server.port=<free> <appArgs>}; answers at once, see {@link #awaitHealthy}. */
    public static PackagedJar start(String name, Path jar, List<String> jvmArgs, List<String> appArgs, Path log) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + ": build it first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(appArgs);
        if (appArgs.stream().noneMatch(arg -> arg.startsWith("--" + PUBLISH_DIR))) {
            // a directory of this process's own: checkpoints of another test's ledger would stop it from signing
            command.add("--" + PUBLISH_DIR + "="
                    + Path.of("target", "published-checkpoints", name + "-" + UUID.randomUUID()));
        }
        try {
            if (log.getParent() != null) {
                Files.createDirectories(log.getParent());
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new PackagedJar(name, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " from " + jar, e);
        }
    }

    /** Waits until {@code /actuator/health} answers 200; fails with the end of the log if it exits or takes too long. */
    public PackagedJar awaitHealthy(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
                Thread.sleep(250);
            } catch (IOException notListeningYet) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + name + " was starting", e);
            }
        }
        close();
        throw new IllegalStateException(name + " did not become healthy within " + timeout + ":\n" + logTail());
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Ends the process the hard way: no shutdown hooks run. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops it as an operator does (SIGTERM, graceful shutdown), forcibly after a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** The last 40 lines of its output. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
