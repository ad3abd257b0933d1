package coaching.ledger.deployment;

import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.TestDatabases;
import coaching.ledger.platform.testing.ViewDump;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged services as separate processes on one PostgreSQL schema, the way docker-compose runs
 * them: two command service instances and two query service instances. The tests run in order; the
 * last one kills a query instance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesOnPostgresIT {

    private static final List<String> PROJECTIONS = List.of("hr", "boss", "client", "coach", "compliance");

    private static String schema;
    private static JdbcTemplate jdbc;
    private static ServiceProcess commandA;
    private static ServiceProcess commandB;
    private static ServiceProcess queryA;
    private static ServiceProcess queryB;
    private static final List<ServiceProcess> started = new ArrayList<>();

    @BeforeAll
    static void startServices() throws InterruptedException {
        schema = TestDatabases.newPostgresSchema();
        jdbc = onSchema(schema);
        commandA = track(ServiceProcess.command("command-a", schema));
        commandB = track(ServiceProcess.command("command-b", schema));
        queryA = track(ServiceProcess.query("query-a", schema));
        queryB = track(ServiceProcess.query("query-b", schema));
        ServiceProcess.awaitHealthy(started);
        for (String coach : List.of("coach-cole", "coach-chen")) {
            expect(201, commandA.http().post("/api/v1/coaches", "hr-hana", """
                    {"coachId":"%s","displayName":"%s","certifications":[],"yearsExperience":10,"specialties":[]}""".formatted(coach, coach)));
        }
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (ServiceProcess service : started) {
            service.close();
        }
    }

    /** Prints the latency from the command service's 201 to the engagement showing in a query service view. */
    @Test
    @Order(1)
    void aCommandAcceptedByACommandServiceBecomesVisibleThroughTheQueryService() {
        int commands = 30;
        long[] latencies = new long[commands];
        for (int i = 0; i < commands; i++) {
            String id = "visible-" + i;
            expect(201, (i % 2 == 0 ? commandA : commandB).http().post("/api/v1/engagements", "hr-hana", opening(id)));
            long accepted = System.nanoTime();
            LedgerHttp view = (i % 2 == 0 ? queryA : queryB).http();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> view.get("/api/v1/client/engagements/" + id, "client-cara")
                                    .status()
                            == 200);
            latencies[i] = System.nanoTime() - accepted;
            pause(ThreadLocalRandom.current().nextInt(50, 300));
        }
        Arrays.sort(latencies);
        System.out.printf(
                "cross-process visibility, command service 201 -> query service view, %d commands:"
                        + " min %.0f ms, median %.0f ms, p90 %.0f ms, max %.0f ms%n",
                commands,
                millis(latencies[0]),
                millis(latencies[commands / 2]),
                millis(latencies[commands * 9 / 10]),
                millis(latencies[commands - 1]));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM client_engagement WHERE engagement_id LIKE 'visible-%'", Integer.class))
                .isEqualTo(commands);
    }

    /**
     * Two command instances append to one engagement at once: the stream has every sequence number
     * exactly once, and every command answered 201 is in it at the version it was answered with.
     */
    @Test
    @Order(2)
    void twoCommandInstancesHammeringOneEngagementLoseNothing() throws Exception {
        String id = "hammered";
        activate(id, 0);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = IntStream.range(0, 8)
                    .mapToObj(sender -> senders.submit(() -> {
                        LedgerHttp http = (sender % 2 == 0 ? commandA : commandB).http();
                        for (int n = 0; n < 20; n++) {
                            // the client's version is the sequence number (her view shows every event)
                            String consentId = "c-" + sender + "-" + n;
                            LedgerHttp.Response response = http.post(
                                    "/api/v1/engagements/" + id + "/consents",
                                    "client-cara",
                                    "{\"consentId\":\"%s\",\"audience\":\"BOSS\",\"scopes\":[\"PROGRESS\"],\"purpose\":\"review\"}"
                                            .formatted(consentId));
                            statuses.merge(response.status(), 1, Integer::sum);
                            if (response.status() == 201) {
                                acknowledged.put(
                                        consentId,
                                        response.json().get("version").asLong());
                            }
                        }
                    }))
                    .<Future<?>>map(future -> future)
                    .toList();
            for (Future<?> sender : done) {
                sender.get(5, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
        System.out.println("two command instances, 160 concurrent commands on one engagement: statuses " + statuses);

        assertThat(statuses.keySet())
                .as("accepted, or a conflict that outlasted the retries")
                .isSubsetOf(201, 409);
        List<Map<String, Object>> stream = jdbc.queryForList(
                "SELECT sequenceNumber, payloadType, payload FROM"
                        + " DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                id);
        assertThat(stream)
                .extracting(row -> ((Number) row.get("sequenceNumber")).longValue())
                .containsExactlyElementsOf(
                        LongStream.range(0, stream.size()).boxed().toList());
        Map<String, Long> stored = new ConcurrentHashMap<>();
        for (Map<String, Object> row : stream) {
            String payload = new String((byte[]) row.get("payload"), StandardCharsets.UTF_8);
            if (((String) row.get("payloadType")).endsWith("UpdateConsentGranted")) {
                String consentId = payload.replaceAll(".*\"consentId\":\"([^\"]+)\".*", "$1");
                stored.put(consentId, ((Number) row.get("sequenceNumber")).longValue());
            }
        }
        assertThat(stored)
                .as("exactly the acknowledged commands, each at the version it was answered with")
                .isEqualTo(acknowledged);
    }

    /**
     * Both query instances hold segments of every projection; one is killed while commands keep
     * coming. The survivor takes its segments over once their claims expire, and its views end equal,
     * table by table, to those a single query instance builds from the same events.
     */
    @Test
    @Order(3)
    void theSurvivingQueryInstanceTakesOverAKilledOnesSegmentsAndTheViewsEndComplete() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> PROJECTIONS.forEach(projection -> assertThat(owners(projection))
                        .as("owners of %s", projection)
                        .anyMatch(owner -> owner.startsWith(queryA.tokenOwnerPrefix()))
                        .anyMatch(owner -> owner.startsWith(queryB.tokenOwnerPrefix()))));

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> stories = writer.submit(() -> {
            for (int n = 0; writing.get() && n < 400; n++) {
                String id = "story-" + n;
                acknowledged.put(id, activate(id, 1));
                acknowledged.put(id, story(id));
            }
        });
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 10);
            queryB.kill();
            int atKill = acknowledged.size();
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= atKill + 10);
        } finally {
            writing.set(false);
            stories.get(2, TimeUnit.MINUTES);
            writer.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> PROJECTIONS.forEach(projection -> assertThat(owners(projection))
                        .as("owners of %s", projection)
                        .allMatch(owner -> owner.startsWith(queryA.tokenOwnerPrefix()))));
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        awaitCaughtUp(queryA, head);
        acknowledged.forEach((id, version) -> assertThat(jdbc.queryForObject(
                        "SELECT version FROM client_engagement WHERE engagement_id = ?", Long.class, id))
                .as(id)
                .isEqualTo(version));

        Map<String, List<String>> views = ViewDump.of(jdbc);
        Map<String, List<String>> alone = ViewDump.of(onSchema(singleInstanceRun(head)));
        assertThat(views).hasSize(24);
        views.forEach((view, rows) -> assertThat(rows).as("rows of %s", view).isEqualTo(alone.get(view)));
    }

    /** The same events in a fresh schema, projected by one query instance alone; answers the schema. */
    private static String singleInstanceRun(long head) throws InterruptedException {
        String single = TestDatabases.newPostgresSchema();
        try (ServiceProcess alone = ServiceProcess.query("query-alone", single)) {
            ServiceProcess.awaitHealthy(List.of(alone));
            jdbc.update("INSERT INTO " + single + ".DomainEventEntry SELECT * FROM DomainEventEntry");
            awaitCaughtUp(alone, head);
        }
        return single;
    }

    private static void awaitCaughtUp(ServiceProcess query, long head) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode statuses = query.http()
                            .get("/api/v1/admin/projections", "admin-ada")
                            .json();
                    assertThat(statuses).hasSize(PROJECTIONS.size()).allSatisfy(status -> {
                        assertThat(status.path("caughtUp").asBoolean())
                                .as(status.toString())
                                .isTrue();
                        assertThat(status.path("position").asLong())
                                .as(status.toString())
                                .isGreaterThanOrEqualTo(head);
                    });
                });
    }

    private static JdbcTemplate onSchema(String name) {
        return new JdbcTemplate(new DriverManagerDataSource(
                TestDatabases.postgresUrl() + "?currentSchema=" + name,
                TestDatabases.postgresUser(),
                TestDatabases.postgresPassword()));
    }

    private static List<String> owners(String projection) {
        return jdbc.queryForList(
                "SELECT COALESCE(owner, '') FROM TokenEntry WHERE processorName = ?", String.class, projection);
    }

    /** Opens, shortlists, selects a coach and approves a budget, on alternating command instances; answers the version. */
    private static long activate(String id, int first) {
        expect(201, instance(first).http().post("/api/v1/engagements", "hr-hana", opening(id)));
        expect(
                201,
                instance(first + 1)
                        .http()
                        .post(path(id, "shortlist"), "hr-hana", "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        expect(
                201,
                instance(first)
                        .http()
                        .post(path(id, "coach-selection"), "client-cara", "{\"coachId\":\"coach-cole\"}"));
        return expect(
                        201,
                        instance(first + 1)
                                .http()
                                .post(
                                        path(id, "budget-approval"),
                                        "boss-ben",
                                        "{\"sessions\":5,\"amount\":5000.00,\"currency\":\"EUR\"}"))
                .json()
                .get("version")
                .asLong();
    }

    /** What every view shows something of: a session, a consent, a disclosure, a refusal, a request, a score. */
    private static long story(String id) {
        expect(201, commandA.http().post(path(id, "sessions"), "coach-cole", """
                {"sessionId":"s-1","heldOn":"%s","durationMinutes":60,"notes":"confidential"}""".formatted(
                        LocalDate.now().minusDays(1))));
        expect(201, commandB.http().post(path(id, "consents"), "client-cara", """
                {"consentId":"c-1","audience":"BOSS","scopes":["PROGRESS"],"purpose":"review"}"""));
        expect(
                201,
                commandA.http()
                        .post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"on track\"}"));
        expect(
                403,
                commandB.http()
                        .post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-2\",\"audience\":\"HR\",\"scope\":\"PROGRESS\",\"content\":\"on track\"}"));
        expect(
                201,
                commandA.http()
                        .post(
                                path(id, "update-requests"),
                                "boss-ben",
                                "{\"requestId\":\"r-1\",\"scope\":\"GOALS\",\"message\":\"goals?\"}"));
        return expect(201, commandB.http().post(path(id, "satisfaction"), "client-cara", "{\"score\":4}"))
                .json()
                .get("version")
                .asLong();
    }

    private static ServiceProcess instance(int n) {
        return n % 2 == 0 ? commandA : commandB;
    }

    private static String opening(String id) {
        return """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(id);
    }

    private static String path(String id, String action) {
        return "/api/v1/engagements/" + id + "/" + action;
    }

    private static LedgerHttp.Response expect(int status, LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    /** Commands at irregular intervals, so their timing does not lock onto the processors' polling. */
    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static ServiceProcess track(ServiceProcess service) {
        started.add(service);
        return service;
    }
}
