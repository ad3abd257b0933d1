package coaching.ledger.bench;

import coaching.ledger.platform.testing.PackagedJar;
import coaching.ledger.platform.testing.SharedFingerprintKey;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * W6 (issue 16): the coach shares 400-character updates with the boss over HTTP Basic, closed loop,
 * on three systems started in turn within each round, each in its own process on a fresh PostgreSQL
 * database with the same hot set: the CRUD baseline (bench/crud-baseline: Spring Boot, JPA, Envers),
 * ledger-app.jar and command-service.jar. The baseline is the reference of the ledger's rows.
 */
final class ShareUpdateComparison {

    static final String WORKLOAD = "W6 share update, HTTP, vs CRUD baseline";

    private static final Path BASELINE_JAR = Path.of("bench/crud-baseline/target/crud-baseline.jar");
    private static final Path COMMAND_SERVICE_JAR = Path.of("command-service/target/command-service.jar");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final double WARM_UP_SECONDS = 10;
    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(10);
    /** 400 characters of ASCII: 400 bytes, the update size of issue 16. */
    private static final String CONTENT = "Delegating more, preparing the board review with the team; on track. "
            .repeat(6)
            .substring(0, 400);

    private enum Contender {
        BASELINE("CRUD baseline (JPA + Envers)", Double.NaN),
        LEDGER_APP("ledger-app.jar", 1.2),
        COMMAND_SERVICE("command-service.jar", 2.0);

        final String label;
        /** Issue 16's target at 8 clients, as a ratio to the baseline of the same round. */
        final double target;

        Contender(String label, double target) {
            this.label = label;
            this.target = target;
        }
    }

    /** A started contender: where to send, what CPU it used so far, how to wait for its background work. */
    private record Server(Http http, LongSupplier cpuNanos, Runnable awaitQuiet, AutoCloseable process)
            implements AutoCloseable {

        @Override
        public void close() throws Exception {
            process.close();
        }
    }

    private final BenchOptions options;
    private final Results results;
    private final Consumer<String> log;

    ShareUpdateComparison(BenchOptions options, Results results, Consumer<String> log) {
        this.options = options;
        this.results = results;
        this.log = log;
    }

    /** One round: every contender in turn (the order rotates by round, so none always runs first on a cold machine). */
    void round(int round) {
        List<Contender> order = new ArrayList<>(List.of(Contender.values()));
        Collections.rotate(order, -(round - 1));
        Map<Contender, Map<Integer, Measurement>> measured = new EnumMap<>(Contender.class);
        for (Contender contender : order) {
            measured.put(contender, measure(round, contender));
        }
        Map<Integer, Measurement> baseline = measured.get(Contender.BASELINE);
        measured.forEach((contender, byClients) -> byClients.forEach((clients, measurement) -> {
            Results.Row row = results.row(
                    WORKLOAD,
                    "PostgreSQL",
                    clients + " clients, " + contender.label,
                    "updates/s",
                    contender != Contender.BASELINE && clients == 8 ? Results.Goal.RATIO_AT_LEAST : Results.Goal.NONE,
                    contender.target,
                    "CRUD baseline");
            row.measured.put(round, measurement);
            if (contender != Contender.BASELINE && baseline.containsKey(clients)) {
                row.reference.put(round, baseline.get(clients));
            }
        }));
    }

    private Map<Integer, Measurement> measure(int round, Contender contender) {
        Store store = Store.postgres(options, options.database("w6")).recreate();
        Map<Integer, Measurement> byClients = new LinkedHashMap<>();
        try (Server server = start(round, contender, store)) {
            long setUp = System.nanoTime();
            List<String> hot = hotSet(contender, server.http(), "w6-" + round + "-");
            server.awaitQuiet().run();
            log.accept(String.format(
                    "  W6 %s: %,d engagements set up in %.1f s",
                    contender.label, hot.size(), (System.nanoTime() - setUp) / 1e9));
            warmUp(server, hot, "w" + round + "-");
            for (int clients : options.clients()) {
                String prefix = "u" + round + "c" + clients + "-";
                Histogram latencies = new ConcurrentHistogram(3_600_000_000L, 3);
                Load.Outcome outcome = Load.closedLoop(
                        clients,
                        options.warmupSeconds(),
                        options.seconds(),
                        options.maxOpsPerCell(),
                        client -> sequence -> Workloads.expectCreated(share(server.http(), hot, prefix + sequence)),
                        server.cpuNanos(),
                        latencies);
                byClients.put(
                        clients,
                        outcome.measurement(true)
                                .with("p50 ms", latencies.getValueAtPercentile(50) / 1000.0)
                                .with("p99 ms", latencies.getValueAtPercentile(99) / 1000.0));
                log.accept(String.format(
                        "  W6 %s %d clients: %,.0f updates/s, p99 %.1f ms%s",
                        contender.label,
                        clients,
                        outcome.perSecond(),
                        latencies.getValueAtPercentile(99) / 1000.0,
                        outcome.errors() == 0
                                ? ""
                                : " (" + outcome.errors() + " errors, first: " + outcome.firstError() + ")"));
                server.awaitQuiet().run();
            }
        } catch (Exception e) {
            throw new IllegalStateException("W6 on " + contender.label + ": " + e.getMessage(), e);
        }
        store.drop();
        return byClients;
    }

    /**
     * Shares at 8 clients, unmeasured, before the first cell: the ledger's set-up is thousands of
     * requests, the baseline's one, so without this the baseline's first cells would pay for the JIT.
     */
    private void warmUp(Server server, List<String> hot, String prefix) {
        Load.closedLoop(
                8,
                0,
                WARM_UP_SECONDS,
                options.maxOpsPerCell(),
                client -> sequence -> Workloads.expectCreated(share(server.http(), hot, prefix + sequence)),
                server.cpuNanos());
        server.awaitQuiet().run();
    }

    private Server start(int round, Contender contender, Store store) {
        return start(round, contender, store, "");
    }

    private Server start(int round, Contender contender, Store store, String instance) {
        String logName = "w6-" + contender.name().toLowerCase() + "-" + round + instance;
        Path logFile = options.workDirectory().resolve("logs").resolve(logName + ".log");
        List<String> datasource = List.of(
                "--spring.datasource.url=" + store.url(),
                "--spring.datasource.username=" + store.user(),
                "--spring.datasource.password=" + store.password(),
                "--logging.level.root=WARN");
        return switch (contender) {
            case LEDGER_APP -> {
                LedgerProcess ledger = LedgerProcess.start(options, store, options.ledgerProperties(), logName);
                yield new Server(ledger.http(), ledger::cpuNanos, () -> ledger.awaitQuiet(QUIET_TIMEOUT), ledger);
            }
            case BASELINE -> packaged("crud-baseline", BASELINE_JAR, datasource, logFile);
            case COMMAND_SERVICE -> {
                List<String> args = new ArrayList<>(datasource);
                // the services have no users of their own: the demo users, as the multi-process tests run them
                args.add("--spring.profiles.active=postgres,demo");
                args.add(SharedFingerprintKey.argument());
                yield packaged("command-service", COMMAND_SERVICE_JAR, args, logFile);
            }
        };
    }

    private Server packaged(String name, Path jar, List<String> args, Path logFile) {
        PackagedJar process = PackagedJar.start(name, jar, options.ledgerJvmArgs(), args, logFile)
                .awaitHealthy(START_TIMEOUT);
        // neither has background work: no views, no sealer
        return new Server(new Http(process.baseUrl()), () -> Cpu.processNanos(process.pid()), () -> {}, process);
    }

    /**
     * The same state on every contender: {@code hot} active engagements of client-cara and boss-ben with
     * coach-cole selected and the client's consent to share PROGRESS with the boss. The baseline
     * inserts the rows in one call; the ledger gets them through its own commands over HTTP.
     */
    private List<String> hotSet(Contender contender, Http http, String prefix) {
        if (contender == Contender.BASELINE) {
            Workloads.expectCreated(http.post(
                    "hr-hana",
                    "/bench/seed",
                    "{\"prefix\":\"" + prefix + "\",\"count\":" + options.hotEngagements() + "}"));
            List<String> hot = new ArrayList<>();
            for (int i = 0; i < options.hotEngagements(); i++) {
                hot.add(prefix + i);
            }
            return hot;
        }
        Workloads.registerCoachesOverHttp(http);
        return activeOverHttp(http, prefix, options.hotEngagements());
    }

    /** {@code count} engagements opened, shortlisted, coach-cole selected, budget approved and BOSS/PROGRESS consented. */
    private static List<String> activeOverHttp(Http http, String prefix, int count) {
        List<String> hot = Workloads.openHotOverHttp(http, prefix, count);
        Workloads.parallel(hot.size(), i -> {
            String path = "/api/v1/engagements/" + hot.get(i);
            Workloads.expectCreated(
                    http.post("client-cara", path + "/coach-selection", "{\"coachId\":\"coach-cole\"}"));
            Workloads.expectCreated(http.post(
                    "boss-ben", path + "/budget-approval", "{\"sessions\":5,\"amount\":5000.00,\"currency\":\"EUR\"}"));
            Workloads.expectCreated(http.post(
                    "client-cara",
                    path + "/consents",
                    "{\"consentId\":\"c-1\",\"audience\":\"BOSS\",\"scopes\":[\"PROGRESS\"],\"purpose\":\"review\"}"));
        });
        return hot;
    }

    private static HttpResponse<String> share(Http http, List<String> hot, String updateId) {
        return share(http, hot.get(ThreadLocalRandom.current().nextInt(hot.size())), updateId);
    }

    private static HttpResponse<String> share(Http http, String engagementId, String updateId) {
        return http.post(
                "coach-cole",
                "/api/v1/engagements/" + engagementId + "/updates",
                "{\"updateId\":\"" + updateId + "\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\""
                        + CONTENT + "\"}");
    }

    // --- W7: cost against the length of the engagement's history ------------------------------------------------

    static final String HISTORY_WORKLOAD = "W7 share update, cost against history";
    /** The long history of issue 16; the short engagements keep theirs at about ten events. */
    private static final int LONG_HISTORY = 10_000;

    private static final int SHORT_ENGAGEMENTS = 200;
    private static final int MEASURED_SHARES = 400;

    /**
     * One round of W7: on ledger-app.jar, and on two command-service.jar instances sharing one store with each
     * request sent to the other instance than the last (so every command finds the engagement moved on by the
     * other), the coach shares updates one at a time, first on 200 engagements of about ten events each (two
     * shares each), then on one engagement with 10,000 events. Server CPU per update and latency are compared:
     * the long history's row has the short one as its reference.
     */
    void historyRound(int round) {
        for (Contender contender : List.of(Contender.LEDGER_APP, Contender.COMMAND_SERVICE)) {
            Store store = Store.postgres(options, options.database("w7")).recreate();
            List<Server> servers = new ArrayList<>();
            try {
                servers.add(start(round, contender, store));
                if (contender == Contender.COMMAND_SERVICE) {
                    servers.add(start(round, contender, store, "-second"));
                }
                String label = contender == Contender.COMMAND_SERVICE ? "2 × " + contender.label : contender.label;
                historyCells(round, label, servers, "h" + round + "-");
            } catch (Exception e) {
                throw new IllegalStateException("W7 on " + contender.label + ": " + e.getMessage(), e);
            } finally {
                for (Server server : servers) {
                    try {
                        server.close();
                    } catch (Exception e) {
                        log.accept("  W7: could not stop a server: " + e.getMessage());
                    }
                }
            }
            store.drop();
        }
    }

    private void historyCells(int round, String label, List<Server> servers, String prefix) {
        Http first = servers.get(0).http();
        Workloads.registerCoachesOverHttp(first);
        List<String> shortOnes = activeOverHttp(first, prefix + "s", SHORT_ENGAGEMENTS);
        String longOne = activeOverHttp(first, prefix + "l", 1).get(0);
        long padding = System.nanoTime();
        Workloads.parallel(LONG_HISTORY, i -> Workloads.expectCreated(share(first, longOne, prefix + "pad-" + i)));
        servers.forEach(server -> server.awaitQuiet().run());
        log.accept(String.format(
                "  W7 %s: %,d updates on one engagement in %.1f s",
                label, LONG_HISTORY, (System.nanoTime() - padding) / 1e9));
        // warms the JIT on both paths, then measures each
        historyCell(servers, i -> shortOnes.get(i % shortOnes.size()), prefix + "warm-s", MEASURED_SHARES / 4);
        historyCell(servers, i -> longOne, prefix + "warm-l", MEASURED_SHARES / 4);
        Measurement shortCost =
                historyCell(servers, i -> shortOnes.get(i % shortOnes.size()), prefix + "s-", MEASURED_SHARES);
        Measurement longCost = historyCell(servers, i -> longOne, prefix + "l-", MEASURED_SHARES);
        Results.Row shortRow = results.row(
                HISTORY_WORKLOAD, "PostgreSQL", label + ", ~10 events", "CPU µs/update", Results.Goal.NONE, 0, "");
        shortRow.measured.put(round, shortCost);
        Results.Row longRow = results.row(
                HISTORY_WORKLOAD,
                "PostgreSQL",
                label + ", " + String.format("%,d", LONG_HISTORY) + " events",
                "CPU µs/update",
                Results.Goal.RATIO_AT_MOST,
                1.2,
                "~10 events");
        longRow.measured.put(round, longCost);
        longRow.reference.put(round, shortCost);
        log.accept(String.format(
                "  W7 %s: %.0f µs CPU per update at ~10 events, %.0f µs at %,d events",
                label, shortCost.value(), longCost.value(), LONG_HISTORY));
    }

    /** {@code count} shares one after the other, alternating between the servers; CPU of all of them per update. */
    private static Measurement historyCell(
            List<Server> servers, java.util.function.IntFunction<String> engagement, String prefix, int count) {
        Histogram latencies = new ConcurrentHistogram(3_600_000_000L, 3);
        long cpu = servers.stream()
                .mapToLong(server -> server.cpuNanos().getAsLong())
                .sum();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Workloads.expectCreated(share(servers.get(i % servers.size()).http(), engagement.apply(i), prefix + i));
            latencies.recordValue((System.nanoTime() - started) / 1000);
        }
        servers.forEach(server -> server.awaitQuiet().run());
        long used = servers.stream()
                        .mapToLong(server -> server.cpuNanos().getAsLong())
                        .sum()
                - cpu;
        return new Measurement(used / 1000.0 / count, used / 1e6 / count * 1000, Double.NaN, 0, new LinkedHashMap<>())
                .with("p50 ms", latencies.getValueAtPercentile(50) / 1000.0)
                .with("p99 ms", latencies.getValueAtPercentile(99) / 1000.0);
    }
}
