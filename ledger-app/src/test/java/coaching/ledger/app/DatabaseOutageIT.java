package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.PackagedJar;
import coaching.ledger.platform.testing.TcpProxy;
import coaching.ledger.platform.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged ledger on PostgreSQL, cut off from its database under load and reconnected, through a
 * {@link TcpProxy} between the two (the machine's PostgreSQL is shared and never stopped). Two
 * outages in one run: the database refusing connections (it went away; every connection breaks at
 * once) and the network black-holing them (a partition; only the ledger's timeouts notice). During
 * each, every command and read answers 503 problem+json with Retry-After, quickly; afterwards the
 * ledger recovers by itself: commands succeed, views catch up, the sealer seals everything, and every
 * acknowledged update is in the store exactly once, as is every 503'd update once the client retried it.
 */
class DatabaseOutageIT {

    private static final int CLIENTS = 6;
    /** Longer by hand, e.g. {@code -Dledger.outage.seconds=40}, to see the views' recovery after a long outage. */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("ledger.outage.seconds", 6));

    private static final Duration STEADY = Duration.ofSeconds(3);
    /** A hang detector, not a benchmark: the ledger's database timeouts are a few seconds. */
    private static final long HANG_MILLIS = 10_000;

    private static final Pattern UPDATE_ID = Pattern.compile("\"updateId\":\"([^\"]+)\"");

    private TcpProxy proxy;
    private PackagedJar ledger;
    private LedgerHttp http;
    private final ExecutorService readers = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private volatile String phase = "before";

    @AfterEach
    void stop() {
        readers.shutdownNow();
        if (ledger != null) {
            ledger.kill();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void commandsDuringAnOutageAnswer503AndTheLedgerRecoversWithNothingLost() throws Exception {
        String schema = TestDatabases.newPostgresSchema();
        URI postgres = URI.create(TestDatabases.postgresUrl().substring("jdbc:".length()));
        proxy = TcpProxy.to(postgres.getHost(), postgres.getPort());
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + postgres.getPath() + "?currentSchema=" + schema;
        ledger = PackagedJar.start(
                        "ledger-app",
                        Path.of(System.getProperty("ledger.jar")),
                        List.of("-Xmx256m"),
                        List.of(
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=" + TestDatabases.postgresUser(),
                                "--spring.datasource.password=" + TestDatabases.postgresPassword()),
                        Path.of("target", "database-outage-ledger.log"))
                .awaitHealthy(Duration.ofMinutes(2));
        http = new LedgerHttp(ledger.port());
        List<String> engagements = IntStream.range(0, CLIENTS)
                .mapToObj(n -> activeEngagement("eng-outage-" + n))
                .toList();

        AtomicBoolean loadRunning = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> load = engagements.stream()
                .<Future<?>>map(engagement -> clients.submit(() -> shareUntilStopped(engagement, loadRunning)))
                .toList();
        List<Outage> outages = new ArrayList<>();
        try {
            Thread.sleep(STEADY.toMillis());
            outages.add(outage("refused", proxy::refuse, engagements.get(0)));
            Thread.sleep(STEADY.toMillis());
            outages.add(outage("black-holed", proxy::blackHole, engagements.get(0)));
        } finally {
            loadRunning.set(false);
            for (Future<?> client : load) {
                client.get(1, TimeUnit.MINUTES);
            }
            clients.shutdownNow();
        }

        List<Outcome> all = List.copyOf(outcomes);
        printOutcomes(all, outages);
        for (Outcome outcome : all) {
            assertThat(outcome.status()).as("%s", outcome).isIn(201, 503);
            assertThat(outcome.millis()).as("%s: a hang", outcome).isLessThan(HANG_MILLIS);
            if (outcome.status() == 503) {
                assertThat(outcome.isProblemWithRetryAfter()).as("%s", outcome).isTrue();
            }
        }
        for (Outage outage : outages) {
            List<Outcome> during = all.stream()
                    .filter(outcome -> outcome.phase().equals(outage.name()))
                    .toList();
            List<Outcome> after = all.stream()
                    .filter(outcome -> outcome.phase().equals("after " + outage.name()))
                    .toList();
            assertThat(during).as("503s while %s", outage.name()).anyMatch(outcome -> outcome.status() == 503);
            assertThat(after)
                    .as("commands after the %s outage", outage.name())
                    .anyMatch(outcome -> outcome.status() == 201);
            outage.reads().forEach((read, response) -> {
                assertThat(response.status())
                        .as("%s while %s: %s", read, outage.name(), response)
                        .isEqualTo(503);
                assertThat(response.header("Retry-After"))
                        .as("%s while %s", read, outage.name())
                        .isNotBlank();
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            });
            assertThat(outage.health().status())
                    .as("health while %s: %s", outage.name(), outage.health())
                    .isEqualTo(503);
            assertThat(outage.health().body()).contains("DOWN");
            assertThat(outage.healthMillis())
                    .as("health while %s: a hang", outage.name())
                    .isLessThan(HANG_MILLIS);
        }

        // The client retries every 503 with the same update: recorded now (201), or found recorded (200).
        Map<String, List<String>> expected = new HashMap<>();
        int retried = 0;
        int foundRecorded = 0;
        for (Outcome outcome : all) {
            expected.computeIfAbsent(outcome.engagementId(), id -> new ArrayList<>())
                    .add(outcome.updateId());
            if (outcome.status() == 503) {
                LedgerHttp.Response retry = share(outcome.engagementId(), outcome.updateId(), outcome.user());
                assertThat(retry.status())
                        .as("retry of %s: %s", outcome.updateId(), retry)
                        .isIn(200, 201);
                retried++;
                foundRecorded += retry.status() == 200 ? 1 : 0;
            }
        }

        outages.forEach(outage -> expected.get(outage.engagement()).add(outage.probe()));
        Map<String, Integer> stored = storedUpdates(schema);
        Set<String> sent = new HashSet<>();
        expected.values().forEach(sent::addAll);
        assertThat(stored.keySet())
                .as("every update acknowledged, at once or on retry, is stored")
                .isEqualTo(sent);
        assertThat(stored.values()).as("each exactly once").containsOnly(1);

        long viewsStart = System.nanoTime();
        awaitTrue(Duration.ofMinutes(1), "every view caught up", () -> viewsCaughtUp(expected));
        double viewsSeconds = (System.nanoTime() - viewsStart) / 1e9;
        long sealStart = System.nanoTime();
        awaitTrue(Duration.ofMinutes(1), "verified with nothing unsealed", this::verifiedAndSealed);
        double sealSeconds = (System.nanoTime() - sealStart) / 1e9;

        System.out.printf(
                "database outage: %d clients, %d updates sent (a probe after each outage included), %d"
                        + " acknowledged at once, %d answered 503"
                        + " (retried: %d recorded then, %d found already recorded), %d stored%n",
                CLIENTS,
                sent.size(),
                all.stream().filter(outcome -> outcome.status() == 201).count(),
                retried,
                retried - foundRecorded,
                foundRecorded,
                stored.size());
        System.out.printf(
                "  after the load: views caught up in %.1f s, verification with 0 unsealed in %.1f s;"
                        + " max latency overall %d ms%n",
                viewsSeconds,
                sealSeconds,
                all.stream().mapToLong(Outcome::millis).max().orElse(0));
    }

    /** What the clients saw in each phase: counts by status, the slowest answer, and how soon commands succeeded again. */
    private static void printOutcomes(List<Outcome> all, List<Outage> outages) {
        Map<String, Map<Integer, Long>> byPhase = new TreeMap<>();
        Map<String, Long> slowest = new HashMap<>();
        for (Outcome outcome : all) {
            byPhase.computeIfAbsent(outcome.phase(), p -> new TreeMap<>()).merge(outcome.status(), 1L, Long::sum);
            slowest.merge(outcome.phase(), outcome.millis(), Math::max);
        }
        byPhase.forEach((phase, statuses) ->
                System.out.printf("  %-20s statuses %s, slowest answer %d ms%n", phase, statuses, slowest.get(phase)));
        for (Outage outage : outages) {
            Map<String, Integer> reads = new LinkedHashMap<>();
            outage.reads().forEach((read, response) -> reads.put(read, response.status()));
            System.out.printf(
                    "  %s for %.1f s: reads answered %s, health %d in %d ms; after reconnecting: first 201"
                            + " of the clients after %d ms, the probe command after %d ms, in every view after %d ms%n",
                    outage.name(),
                    outage.millis() / 1e3,
                    reads,
                    outage.health().status(),
                    outage.healthMillis(),
                    firstSuccessAfter(all, outage.reopenedAt()),
                    outage.commandsBackMillis(),
                    outage.viewsBackMillis());
        }
        all.stream()
                .filter(outcome -> outcome.status() != 201 && outcome.status() != 503)
                .limit(5)
                .forEach(outcome -> System.out.println("  unexpected: " + outcome));
    }

    /**
     * Cuts the database off with {@code cut} for {@link #OUTAGE}, reading views, the export, the
     * verification and health meanwhile; reconnects, then measures how soon a command succeeds again and
     * how soon what it recorded shows in every view of its update.
     */
    private Outage outage(String name, Runnable cut, String engagement) throws InterruptedException {
        cut.run();
        phase = name;
        long start = System.nanoTime();
        Thread.sleep(OUTAGE.toMillis() / 3);
        Map<String, CompletableFuture<LedgerHttp.Response>> reading = new LinkedHashMap<>();
        reading.put("client view", read(() -> http.get("/api/v1/client/engagements/" + engagement, "client-cara")));
        reading.put("boss view", read(() -> http.get("/api/v1/boss/engagements", "boss-ben")));
        reading.put("export", read(() -> http.get("/api/v1/events?limit=10", "integrator-ivy")));
        reading.put("verification", read(() -> http.get("/api/v1/compliance/verification", "compliance-cy")));
        long healthStart = System.nanoTime();
        LedgerHttp.Response health = answerOf(() -> http.get("/actuator/health", null));
        long healthMillis = (System.nanoTime() - healthStart) / 1_000_000;
        Map<String, LedgerHttp.Response> reads = new LinkedHashMap<>();
        reading.forEach((read, answer) -> reads.put(read, answer.join()));
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - start) / 1_000_000));
        phase = "reconnecting after " + name;
        proxy.open();
        long reopenedAt = System.nanoTime();
        long outageMillis = (reopenedAt - start) / 1_000_000;
        phase = "after " + name;

        String probe = "probe-" + name;
        LedgerHttp.Response recorded;
        do {
            recorded = answerOf(() -> share(engagement, probe, "coach-cole"));
            assertThat(System.nanoTime() - reopenedAt)
                    .as("a command succeeds within a minute of reconnecting")
                    .isLessThan(TimeUnit.MINUTES.toNanos(1));
        } while (recorded.status() != 201 && recorded.status() != 200 && pause(100));
        long commandsBackMillis = (System.nanoTime() - reopenedAt) / 1_000_000;
        awaitTrue(Duration.ofMinutes(1), "the probe update in every view", () -> inEveryView(engagement, probe));
        long viewsBackMillis = (System.nanoTime() - reopenedAt) / 1_000_000;
        return new Outage(
                name,
                outageMillis,
                engagement,
                probe,
                reads,
                health,
                healthMillis,
                reopenedAt,
                commandsBackMillis,
                viewsBackMillis);
    }

    /** One client: shares updates one after another, pausing half a second after a 503 as a polite client would. */
    private void shareUntilStopped(String engagement, AtomicBoolean running) {
        String user = engagement.hashCode() % 2 == 0 ? "coach-cole" : "client-cara";
        int n = 0;
        while (running.get()) {
            String updateId = "u-" + engagement.substring(engagement.lastIndexOf('-') + 1) + "-" + n++;
            String sentIn = phase;
            long start = System.nanoTime();
            LedgerHttp.Response response = answerOf(() -> share(engagement, updateId, user));
            long end = System.nanoTime();
            // a request that overlapped an outage counts as sent during it
            String answeredIn = phase;
            String counted = !isOutage(sentIn) && isOutage(answeredIn) ? answeredIn : sentIn;
            outcomes.add(new Outcome(
                    engagement,
                    updateId,
                    user,
                    counted.replace("reconnecting after ", ""),
                    response.status(),
                    (end - start) / 1_000_000,
                    end,
                    response.header("Retry-After"),
                    response.header("Content-Type"),
                    response.body()));
            if (response.status() != 201) {
                sleep(500);
            }
        }
    }

    /** Reads run side by side, each on a thread of its own (the common pool has one thread on two cores). */
    private CompletableFuture<LedgerHttp.Response> read(Supplier<LedgerHttp.Response> request) {
        return CompletableFuture.supplyAsync(() -> answerOf(request), readers);
    }

    /** The answer, or status -1 for none (the 30 s timeout of LedgerHttp passed, or the connection broke). */
    private static LedgerHttp.Response answerOf(Supplier<LedgerHttp.Response> request) {
        try {
            return request.get();
        } catch (UncheckedIOException e) {
            return new LedgerHttp.Response(-1, String.valueOf(e.getCause()), Map.of());
        }
    }

    private static boolean isOutage(String phase) {
        return !phase.equals("before") && !phase.startsWith("after");
    }

    private LedgerHttp.Response share(String engagement, String updateId, String user) {
        return http.post(
                "/api/v1/engagements/" + engagement + "/updates",
                user,
                "{\"updateId\":\"%s\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"progress %s\"}"
                        .formatted(updateId, updateId));
    }

    private String activeEngagement(String id) {
        expect(http.post("/api/v1/coaches", "hr-hana", """
                {"coachId":"coach-cole","displayName":"Cole","certifications":[],"yearsExperience":5,"specialties":[]}"""));
        expect(http.post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(id)));
        expect(http.post("/api/v1/engagements/" + id + "/shortlist", "hr-hana", "{\"coachIds\":[\"coach-cole\"]}"));
        expect(http.post(
                "/api/v1/engagements/" + id + "/coach-selection", "client-cara", "{\"coachId\":\"coach-cole\"}"));
        expect(http.post(
                "/api/v1/engagements/" + id + "/budget-approval",
                "boss-ben",
                "{\"sessions\":10,\"amount\":12000.00,\"currency\":\"EUR\"}"));
        expect(http.post("/api/v1/engagements/" + id + "/consents", "client-cara", """
                {"consentId":"c-1","audience":"BOSS","scopes":["PROGRESS"],"purpose":"quarterly review with my manager"}"""));
        return id;
    }

    private static void expect(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    /** Every projection caught up, and the client, boss and compliance views show exactly the updates stored. */
    private boolean viewsCaughtUp(Map<String, List<String>> expected) {
        LedgerHttp.Response projections = http.get("/api/v1/admin/projections", "admin-ada");
        if (projections.status() != 200) {
            return false;
        }
        for (JsonNode projection : projections.json()) {
            if (!projection.get("caughtUp").asBoolean()) {
                return false;
            }
        }
        return expected.entrySet().stream().allMatch(engagement -> {
            List<String> updates = engagement.getValue().stream().sorted().toList();
            return updates.equals(updatesIn(engagement.getKey(), "client"))
                    && updates.equals(updatesIn(engagement.getKey(), "boss"))
                    && updates.equals(updatesIn(engagement.getKey(), "compliance"));
        });
    }

    private boolean inEveryView(String engagement, String updateId) {
        return updatesIn(engagement, "client").contains(updateId)
                && updatesIn(engagement, "boss").contains(updateId)
                && updatesIn(engagement, "compliance").contains(updateId);
    }

    /**
     * The update ids one view shows for an engagement, sorted (a duplicate would show twice); in the
     * compliance view only disclosures whose consent grant was found, as the projection looks it up.
     */
    private List<String> updatesIn(String engagement, String view) {
        LedgerHttp.Response response = switch (view) {
            case "client" -> http.get("/api/v1/client/engagements/" + engagement, "client-cara");
            case "boss" -> http.get("/api/v1/boss/engagements", "boss-ben");
            default -> http.get("/api/v1/compliance/disclosures?engagementId=" + engagement, "compliance-cy");
        };
        if (response.status() != 200) {
            return List.of();
        }
        List<String> updates = new ArrayList<>();
        JsonNode json = response.json();
        switch (view) {
            case "client" ->
                json.get("disclosures")
                        .forEach(update -> updates.add(update.get("updateId").asText()));
            case "boss" ->
                json.forEach(row -> {
                    if (row.get("engagementId").asText().equals(engagement)) {
                        row.get("updates")
                                .forEach(update ->
                                        updates.add(update.get("updateId").asText()));
                    }
                });
            default ->
                json.forEach(row -> row.get("disclosures").forEach(disclosure -> {
                    if (!disclosure.path("consent").path("grantGlobalIndex").isNull()) {
                        updates.add(disclosure.get("updateId").asText());
                    }
                }));
        }
        return updates.stream().sorted().toList();
    }

    private boolean verifiedAndSealed() {
        LedgerHttp.Response verification = http.get("/api/v1/compliance/verification", "compliance-cy");
        return verification.status() == 200
                && verification.json().get("verified").asBoolean()
                && verification.json().get("unsealedEvents").asLong() == 0;
    }

    /** How often each update id is stored, read from the event table directly (not through the ledger). */
    private static Map<String, Integer> storedUpdates(String schema) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(
                        TestDatabases.postgresUrl() + "?currentSchema=" + schema,
                        TestDatabases.postgresUser(),
                        TestDatabases.postgresPassword());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT payload FROM DomainEventEntry WHERE payloadType LIKE '%.UpdateShared'")) {
            while (rows.next()) {
                Matcher updateId = UPDATE_ID.matcher(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                assertThat(updateId.find()).isTrue();
                counts.merge(updateId.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static long firstSuccessAfter(List<Outcome> all, long reopenedAt) {
        return all.stream()
                .filter(outcome -> outcome.status() == 201 && outcome.answeredAt() > reopenedAt)
                .mapToLong(outcome -> (outcome.answeredAt() - reopenedAt) / 1_000_000)
                .min()
                .orElse(-1);
    }

    private static void awaitTrue(Duration timeout, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("%s within %s", what, timeout).isLessThan(deadline);
            sleep(250);
        }
    }

    /** Pauses and answers true, to continue a loop. */
    private static boolean pause(long millis) {
        sleep(millis);
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Outage(
            String name,
            long millis,
            String engagement,
            String probe,
            Map<String, LedgerHttp.Response> reads,
            LedgerHttp.Response health,
            long healthMillis,
            long reopenedAt,
            long commandsBackMillis,
            long viewsBackMillis) {}

    private record Outcome(
            String engagementId,
            String updateId,
            String user,
            String phase,
            int status,
            long millis,
            long answeredAt,
            String retryAfter,
            String contentType,
            String body) {

        boolean isProblemWithRetryAfter() {
            return retryAfter != null
                    && !retryAfter.isBlank()
                    && contentType != null
                    && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return "%s %s in %s: %d after %d ms (Retry-After %s, %s) %s"
                    .formatted(
                            engagementId,
                            updateId,
                            phase,
                            status,
                            millis,
                            retryAfter,
                            contentType,
                            body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
