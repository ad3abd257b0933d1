package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.PackagedJar;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static coaching.ledger.app.NothingLeaksScenarios.Canary.BOSS_REQUEST_MESSAGE;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.CLOSURE_REASON;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.HR_REQUEST_MESSAGE;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.REFUSED_UPDATE_CONTENT;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.REJECTED_TEXT;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.REVOCATION_REASON;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.SATISFACTION_COMMENT;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.SESSION_NOTES;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.UPDATE_TO_BOSS;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.UPDATE_TO_HR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak test: the packaged ledger, run as an operator runs it, goes through the seed story with a
 * distinct canary in every free-text field. Then every GET endpoint of the published OpenAPI
 * document (a new one is read without a change here) is read as every demo user, the HR live stream
 * is followed throughout, conflicting retries are sent, and the process log is read. Each canary may
 * appear only where {@link #MAY_APPEAR} says, which is the table of docs/security.md.
 */
abstract class NothingLeaksScenarios {

    static final String ENGAGEMENT = "eng-leak";
    static final String CLOSED_ENGAGEMENT = "eng-leak-closed";
    private static final List<String> USERS = List.of(
            "hr-hana",
            "boss-ben",
            "boss-bea",
            "client-cara",
            "client-carl",
            "coach-cole",
            "coach-chen",
            "compliance-cy",
            "integrator-ivy",
            "admin-ada");
    /** Values for the path and query parameters of the OpenAPI document: the story's ids. */
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "engagementId", List.of(ENGAGEMENT, CLOSED_ENGAGEMENT),
            "name", List.of("hr", "boss", "client", "coach", "compliance"),
            // receipts: the story's disclosures (and one never shared); an event id that names no disclosure
            "updateId", List.of("u-1", "u-3", "u-2"),
            "eventId", List.of("00000000-0000-0000-0000-000000000000"));

    private static final Duration QUIET_WITHIN = Duration.ofMinutes(1);

    /** A distinct text in each free-text field of the story, unique to this run. */
    enum Canary {
        SESSION_NOTES,
        UPDATE_TO_BOSS,
        UPDATE_TO_HR,
        REFUSED_UPDATE_CONTENT,
        SATISFACTION_COMMENT,
        REVOCATION_REASON,
        BOSS_REQUEST_MESSAGE,
        HR_REQUEST_MESSAGE,
        CLOSURE_REASON,
        /** Text of a command refused before anything is recorded (an id reused with other text, a probe, malformed input). */
        REJECTED_TEXT;

        final String text = "canary-" + name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private static final String CLIENT_VIEW = "client-cara GET /api/v1/client/engagements/{engagementId}";
    private static final String COACH_LIST = "coach-cole GET /api/v1/coach/engagements";
    private static final String COACH_VIEW = "coach-cole GET /api/v1/coach/engagements/{engagementId}";
    private static final String BOSS_LIST = "boss-ben GET /api/v1/boss/engagements";
    private static final String BOSS_VIEW = "boss-ben GET /api/v1/boss/engagements/{engagementId}";
    private static final String HR_LIST = "hr-hana GET /api/v1/hr/engagements";
    private static final String HR_STREAM = "hr-hana GET /api/v1/hr/engagements/stream";
    private static final Set<String> NOWHERE = Set.of();

    /**
     * Where each canary may appear (docs/security.md): a place is a user and an endpoint.
     * Never in the export, compliance or admin answers, answers to POSTs, or the process log.
     */
    static final Map<Canary, Set<String>> MAY_APPEAR = new EnumMap<>(Map.of(
            SESSION_NOTES, Set.of(CLIENT_VIEW, COACH_LIST, COACH_VIEW),
            UPDATE_TO_BOSS, Set.of(CLIENT_VIEW, BOSS_LIST, BOSS_VIEW),
            UPDATE_TO_HR, Set.of(CLIENT_VIEW, HR_LIST, HR_STREAM),
            REFUSED_UPDATE_CONTENT, NOWHERE,
            SATISFACTION_COMMENT, Set.of(CLIENT_VIEW),
            REVOCATION_REASON, Set.of(CLIENT_VIEW),
            BOSS_REQUEST_MESSAGE, Set.of(CLIENT_VIEW, COACH_LIST, COACH_VIEW),
            HR_REQUEST_MESSAGE, Set.of(CLIENT_VIEW, COACH_LIST, COACH_VIEW),
            CLOSURE_REASON, Set.of(CLIENT_VIEW),
            REJECTED_TEXT, NOWHERE));

    private static CrashStore store;
    private static PackagedJar ledger;
    private static Path log;

    /** What was read where: a place (user and endpoint, or "process log") and the text it answered. */
    record Reading(String place, String request, int status, String body) {}

    static void startOn(CrashStore on) {
        store = on;
        log = Path.of(
                "target", "nothing-leaks-" + on.name().replaceAll("\\W+", "-").toLowerCase(Locale.ROOT) + ".log");
        // the application's and Axon's debug lines too: an operator who turns them on must not get a log full of
        // notes (not Spring MVC's: its debug lines quote a rejected value from the JSON parser, see docs/security.md)
        List<String> arguments = new ArrayList<>(on.ledgerArguments());
        arguments.add("--logging.level.coaching.ledger=DEBUG");
        arguments.add("--logging.level.org.axonframework=DEBUG");
        ledger = PackagedJar.start(
                        "nothing-leaks",
                        Path.of(System.getProperty("ledger.jar")),
                        List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                        arguments,
                        log)
                .awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopLedger() {
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
    }

    @Test
    void everyCanaryAppearsOnlyWhereTheSecurityModelAllowsIt() throws Exception {
        LedgerHttp http = new LedgerHttp(ledger.port());
        List<Reading> readings = new ArrayList<>();
        EventStream liveHrStream = EventStream.open(ledger.baseUrl(), "/api/v1/hr/engagements/stream", "hr-hana");
        try {
            tellTheStory(http, readings);
            sendConflictingRetries(http, readings);
            sendMalformedInput(http, readings);
            awaitQuiet(http);
            liveHrStream.awaitContaining(UPDATE_TO_HR.text, QUIET_WITHIN);
        } finally {
            liveHrStream.close();
        }
        readings.add(new Reading(HR_STREAM, "live, from before the story", 200, liveHrStream.received()));
        readings.addAll(readEveryGetEndpointAsEveryUser(http));
        readings.add(new Reading("process log", log.toString(), 0, Files.readString(log, StandardCharsets.UTF_8)));

        Map<Canary, Set<String>> found = new EnumMap<>(Canary.class);
        for (Canary canary : Canary.values()) {
            found.put(
                    canary,
                    readings.stream()
                            .filter(reading -> reading.body().contains(canary.text))
                            .map(Reading::place)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
        System.out.printf(
                "[nothing leaks %s] %d readings of %d places; each canary found at:%n%s%n",
                store.name(),
                readings.size(),
                readings.stream().map(Reading::place).distinct().count(),
                found.entrySet().stream()
                        .map(entry -> "  " + entry.getKey() + " -> " + entry.getValue())
                        .collect(Collectors.joining("\n")));

        found.forEach((canary, places) ->
                assertThat(places).as("places showing %s", canary).isSubsetOf(MAY_APPEAR.get(canary)));
        // the canaries were recorded and the reads can see them: every one that may appear is in the client's view
        MAY_APPEAR.forEach((canary, places) -> {
            if (!places.isEmpty()) {
                assertThat(found.get(canary)).as("places showing %s", canary).contains(CLIENT_VIEW);
            }
        });
        assertThat(found.get(SESSION_NOTES)).as("the coach's own notes").contains(COACH_VIEW);
        assertThat(found.get(UPDATE_TO_BOSS)).as("the boss's update").contains(BOSS_VIEW);
        assertThat(found.get(UPDATE_TO_HR)).as("the HR update").contains(HR_LIST, HR_STREAM);
        assertThat(readings).as("answers that are server errors").noneMatch(reading -> reading.status() >= 500);
    }

    /** The README's walk-through, extended so every free-text field carries its canary (also told by {@link SealedAtRestScenarios}). */
    static void tellTheStory(LedgerHttp http, List<Reading> answers) {
        for (String coach : List.of("coach-cole", "coach-chen")) {
            post(http, answers, 201, "/api/v1/coaches", "hr-hana", """
                    {"coachId":"%s","displayName":"%s","certifications":[{"body":"ICF","credential":"PCC"}],\
                    "yearsExperience":10,"specialties":["leadership"]}""".formatted(coach, coach));
        }
        for (String engagement : List.of(ENGAGEMENT, CLOSED_ENGAGEMENT)) {
            post(http, answers, 201, "/api/v1/engagements", "hr-hana", """
                    {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL",\
                    "urgency":"NORMAL"}""".formatted(engagement));
            post(
                    http,
                    answers,
                    201,
                    path(engagement, "shortlist"),
                    "hr-hana",
                    "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}");
            post(
                    http,
                    answers,
                    201,
                    path(engagement, "coach-selection"),
                    "client-cara",
                    "{\"coachId\":\"coach-cole\"}");
            post(
                    http,
                    answers,
                    201,
                    path(engagement, "budget-approval"),
                    "boss-ben",
                    "{\"sessions\":8,\"amount\":9600.00,\"currency\":\"EUR\"}");
        }
        post(http, answers, 201, path(ENGAGEMENT, "sessions"), "coach-cole", session(SESSION_NOTES.text));
        post(http, answers, 201, path(ENGAGEMENT, "consents"), "client-cara", """
                {"consentId":"c-1","audience":"BOSS","scopes":["PROGRESS","ATTENDANCE"],"purpose":"quarterly review"}""");
        post(http, answers, 201, path(ENGAGEMENT, "updates"), "coach-cole", update("u-1", "BOSS", UPDATE_TO_BOSS.text));
        post(
                http,
                answers,
                403,
                path(ENGAGEMENT, "updates"),
                "coach-cole",
                update("u-2", "HR", REFUSED_UPDATE_CONTENT.text));
        post(http, answers, 201, path(ENGAGEMENT, "consents"), "client-cara", """
                {"consentId":"c-2","audience":"HR","scopes":["PROGRESS"],"purpose":"talent review"}""");
        post(http, answers, 201, path(ENGAGEMENT, "updates"), "coach-cole", update("u-3", "HR", UPDATE_TO_HR.text));
        post(
                http,
                answers,
                201,
                path(ENGAGEMENT, "update-requests"),
                "boss-ben",
                request("r-1", BOSS_REQUEST_MESSAGE.text));
        post(
                http,
                answers,
                201,
                path(ENGAGEMENT, "update-requests"),
                "hr-hana",
                request("r-2", HR_REQUEST_MESSAGE.text));
        post(
                http,
                answers,
                201,
                path(ENGAGEMENT, "satisfaction"),
                "client-cara",
                "{\"score\":4,\"comment\":\"%s\"}".formatted(SATISFACTION_COMMENT.text));
        post(http, answers, 201, path(ENGAGEMENT, "consents"), "client-cara", """
                {"consentId":"c-3","audience":"BOSS","scopes":["OUTCOME"],"purpose":"final review"}""");
        post(
                http,
                answers,
                201,
                path(ENGAGEMENT, "consents/c-3/revocation"),
                "client-cara",
                "{\"reason\":\"%s\"}".formatted(REVOCATION_REASON.text));
        post(http, answers, 201, path(CLOSED_ENGAGEMENT, "closure"), "hr-hana", closure(CLOSURE_REASON.text));
    }

    /**
     * Repeats and reuses of the story's ids, a probe by the runner-up coach and one by an unrelated
     * boss: whatever they answer, the answer names no text, neither the recorded nor the other one.
     */
    private static void sendConflictingRetries(LedgerHttp http, List<Reading> answers) {
        String other = REJECTED_TEXT.text;
        post(http, answers, 200, path(ENGAGEMENT, "sessions"), "coach-cole", session(SESSION_NOTES.text));
        post(http, answers, 409, path(ENGAGEMENT, "sessions"), "coach-cole", session(other));
        post(http, answers, 200, path(ENGAGEMENT, "updates"), "coach-cole", update("u-1", "BOSS", UPDATE_TO_BOSS.text));
        post(http, answers, 409, path(ENGAGEMENT, "updates"), "coach-cole", update("u-1", "BOSS", other));
        post(
                http,
                answers,
                403,
                path(ENGAGEMENT, "updates"),
                "coach-cole",
                update("u-2", "HR", REFUSED_UPDATE_CONTENT.text));
        post(http, answers, 409, path(ENGAGEMENT, "update-requests"), "boss-ben", request("r-1", other));
        post(http, answers, 409, path(CLOSED_ENGAGEMENT, "closure"), "hr-hana", closure(other));
        post(
                http,
                answers,
                -1,
                path(ENGAGEMENT, "consents/c-3/revocation"),
                "client-cara",
                "{\"reason\":\"%s\"}".formatted(other));
        post(http, answers, -1, path(ENGAGEMENT, "updates"), "coach-chen", update("u-1", "BOSS", UPDATE_TO_BOSS.text));
        post(http, answers, -1, path(ENGAGEMENT, "updates"), "coach-chen", update("u-9", "BOSS", other));
        post(http, answers, 404, path(ENGAGEMENT, "update-requests"), "boss-bea", request("r-9", other));
    }

    /**
     * Text in fields of the wrong type or size, or in a property the command does not have: the 400
     * names the field, never the value (the parser's own messages quote values), and the log neither.
     */
    private static void sendMalformedInput(LedgerHttp http, List<Reading> answers) {
        String text = REJECTED_TEXT.text;
        String sessions = path(ENGAGEMENT, "sessions");
        post(http, answers, 400, sessions, "coach-cole", """
                {"sessionId":"s-7","heldOn":"%s","durationMinutes":60,"notes":"n"}""".formatted(text));
        post(http, answers, 400, sessions, "coach-cole", """
                {"sessionId":"s-7","heldOn":"2026-01-01","durationMinutes":"%s","notes":"n"}""".formatted(text));
        post(http, answers, 400, sessions, "coach-cole", """
                {"sessionId":"s-7","heldOn":"2026-01-01","durationMinutes":60,"notes":{"text":"%s"}}""".formatted(text));
        post(http, answers, 400, sessions, "coach-cole", """
                {"sessionId":"s-7","heldOn":"2026-01-01","durationMinutes":60,"notes":"%s"}""".formatted(text + "x".repeat(20_000)));
        post(http, answers, -1, sessions, "coach-cole", """
                {"sessionId":"s-7","heldOn":"2026-01-01","durationMinutes":60,"notes":"n","note":"%s"}""".formatted(text));
        post(http, answers, 400, path(ENGAGEMENT, "updates"), "coach-cole", """
                {"updateId":"u-7","audience":"%s","scope":"PROGRESS","content":"c"}""".formatted(text));
        post(http, answers, 400, sessions, "coach-cole", "{\"notes\":\"" + text);
    }

    /** Waits until every event is sealed (so exported) and every view has applied it. */
    static void awaitQuiet(LedgerHttp http) throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode report =
                    http.get("/api/v1/compliance/verification", "compliance-cy").json();
            long head = report.path("headGlobalIndex").asLong();
            if (report.path("verified").asBoolean()
                    && report.path("unsealedEvents").asLong() == 0) {
                JsonNode projections =
                        http.get("/api/v1/admin/projections", "admin-ada").json();
                boolean caughtUp = true;
                for (JsonNode projection : projections.isArray() ? projections : projections.path("projections")) {
                    caughtUp &= projection.path("caughtUp").asBoolean()
                            && projection.path("position").asLong() >= head;
                }
                if (caughtUp) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the ledger did not seal and apply the story within " + QUIET_WITHIN);
    }

    /** Every GET operation of the OpenAPI document, with each value of its parameters, as every demo user. */
    private static List<Reading> readEveryGetEndpointAsEveryUser(LedgerHttp http) {
        JsonNode paths = http.get("/v3/api-docs", null).json().get("paths");
        List<Reading> readings = new ArrayList<>();
        paths.properties().forEach(path -> {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                return;
            }
            boolean stream = get.toString().contains("text/event-stream");
            for (String request : requests(path.getKey(), get.path("parameters"))) {
                for (String user : USERS) {
                    String place = user + " GET " + path.getKey();
                    if (stream) {
                        readings.add(EventStream.readFirstAnswer(
                                ledger.baseUrl(),
                                request,
                                user,
                                body -> body.contains(ENGAGEMENT + "@") && body.contains(CLOSED_ENGAGEMENT + "@"),
                                place));
                    } else {
                        LedgerHttp.Response answer = http.get(request, user);
                        readings.add(new Reading(place, request, answer.status(), answer.body()));
                    }
                }
            }
        });
        assertThat(readings)
                .extracting(Reading::place)
                .as("places read")
                .contains(
                        CLIENT_VIEW,
                        COACH_VIEW,
                        BOSS_VIEW,
                        HR_STREAM,
                        "integrator-ivy GET /api/v1/events",
                        "compliance-cy GET /api/v1/events",
                        "compliance-cy GET /api/v1/compliance/verification",
                        "admin-ada GET /api/v1/admin/projections/{name}/dead-letters");
        return readings;
    }

    /** The path with each combination of its path parameters, and once more with each known query parameter set. */
    private static List<String> requests(String template, JsonNode parameters) {
        List<String> requests = List.of(template);
        List<String> queries = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            List<String> values = PARAMETERS.get(name);
            if ("path".equals(parameter.path("in").asText())) {
                assertThat(values)
                        .as("a value for path parameter %s of %s", name, template)
                        .isNotNull();
                requests = requests.stream()
                        .flatMap(request -> values.stream().map(value -> request.replace("{" + name + "}", value)))
                        .toList();
            } else if (values != null) {
                values.forEach(value -> queries.add(name + "=" + value));
            }
        }
        List<String> withQueries = new ArrayList<>(requests);
        requests.forEach(request -> queries.forEach(query -> withQueries.add(request + "?" + query)));
        return withQueries;
    }

    private static void post(
            LedgerHttp http, List<Reading> answers, int expected, String path, String user, String body) {
        LedgerHttp.Response answer = http.post(path, user, body);
        if (expected > 0) {
            assertThat(answer.status())
                    .as("POST %s as %s: %s", path, user, answer.body())
                    .isEqualTo(expected);
        }
        answers.add(new Reading(user + " POST " + path, body, answer.status(), answer.body()));
    }

    static String path(String engagementId, String action) {
        return "/api/v1/engagements/" + engagementId + "/" + action;
    }

    private static String session(String notes) {
        return "{\"sessionId\":\"s-1\",\"heldOn\":\"%s\",\"durationMinutes\":60,\"notes\":\"%s\"}"
                .formatted(LocalDate.now().minusDays(1), notes);
    }

    private static String update(String updateId, String audience, String content) {
        return "{\"updateId\":\"%s\",\"audience\":\"%s\",\"scope\":\"PROGRESS\",\"content\":\"%s\"}"
                .formatted(updateId, audience, content);
    }

    private static String request(String requestId, String message) {
        return "{\"requestId\":\"%s\",\"scope\":\"GOALS\",\"message\":\"%s\"}".formatted(requestId, message);
    }

    private static String closure(String reason) {
        return "{\"outcome\":\"COMPLETED\",\"reason\":\"%s\"}".formatted(reason);
    }

    /** A server-sent-events stream read on its own thread; {@link LedgerHttp} reads whole bodies only. */
    static final class EventStream implements AutoCloseable {

        private final StringBuffer received = new StringBuffer();
        private final int status;
        private final InputStream body;
        private final Thread reader;

        private EventStream(int status, InputStream body) {
            this.status = status;
            this.body = body;
            this.reader = new Thread(
                    () -> {
                        try (BufferedReader lines =
                                new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                                received.append(line).append('\n');
                            }
                        } catch (IOException closed) {
                            // closed by the test: the stream never ends by itself
                        }
                    },
                    "event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(String baseUrl, String path, String user) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Accept", "text/event-stream")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((user + ":" + LedgerHttp.PASSWORD)
                                                    .getBytes(StandardCharsets.UTF_8)))
                    .GET()
                    .build();
            try {
                HttpResponse<InputStream> response =
                        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
                return new EventStream(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A 200 stream until {@code complete} holds of what it sent (or 20 s); any other answer whole. */
        static Reading readFirstAnswer(
                String baseUrl, String path, String user, Predicate<String> complete, String place) {
            try (EventStream stream = open(baseUrl, path, user)) {
                if (stream.status == 200) {
                    stream.await(complete, Duration.ofSeconds(20));
                } else {
                    stream.reader.join(Duration.ofSeconds(20).toMillis());
                }
                return new Reading(place, path, stream.status, stream.received());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void awaitContaining(String text, Duration within) throws InterruptedException {
            if (!await(body -> body.contains(text), within)) {
                throw new AssertionError("the stream did not send " + text + " within " + within + ":\n" + received());
            }
        }

        private boolean await(Predicate<String> condition, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!condition.test(received()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return condition.test(received());
        }

        String received() {
            return received.toString();
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // the stream is being abandoned anyway
            }
        }
    }
}
