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
        String logName = "w6-" + contender.name().toLowerCase() + "-" + round;
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
        List<String> hot = Workloads.openHotOverHttp(http, prefix, options.hotEngagements());
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
        return http.post(
                "coach-cole",
                "/api/v1/engagements/" + hot.get(ThreadLocalRandom.current().nextInt(hot.size())) + "/updates",
                "{\"updateId\":\"" + updateId + "\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\""
                        + CONTENT + "\"}");
    }
}
