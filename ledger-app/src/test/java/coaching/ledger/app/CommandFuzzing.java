package coaching.ledger.app;

import coaching.ledger.app.HostileRequests.Endpoint;
import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every command endpoint with broken bodies, path ids, headers and bytes:
 * never a 5xx, never a stack trace or a Java name in the answer, every 4xx a problem document, and
 * a refused command records nothing (the one exception: a disclosure refused with a {@code reason},
 * which records its {@code DisclosureRefused}).
 * <p>
 * Seeds are fixed so that CI runs the same requests each time and a failure reproduces locally; jqwik
 * prints the seed and the shrunk request. Change a seed to explore further.
 */
abstract class CommandFuzzing {

    /** What only a stack trace or a leaked implementation detail would put in an answer. */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |Exception|Caused by|java\\.|javax\\.|jakarta\\.|org\\.springframework|org\\.apache|"
                    + "com\\.fasterxml|org\\.axonframework|org\\.hibernate|org\\.h2|org\\.postgresql|coaching\\.ledger");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext ledger;
    private static Probe probe;
    private static EventTable events;
    private static List<String> engagements;

    /** Starts the whole ledger on the database the subclass chooses, with engagements to fuzz against. */
    static void start(Consumer<DynamicPropertyRegistry> database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        database.accept((name, value) -> properties.put(name, value.get()));
        ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .properties(properties)
                .run();
        int port = ledger.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        probe = new Probe(port);
        events = new EventTable(ledger.getBean(JdbcTemplate.class));
        LedgerHttp http = new LedgerHttp(port);
        for (String coach : List.of("coach-cole", "coach-chen")) {
            http.post("/api/v1/coaches", "hr-hana", """
                    {"coachId":"%s","displayName":"%s","certifications":[{"body":"ICF","credential":"PCC"}],
                     "yearsExperience":10,"specialties":["leadership"]}""".formatted(coach, coach));
        }
        engagements = List.of(engagement(http, true), engagement(http, true), engagement(http, false));
    }

    @AfterContainer
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Property(tries = 150, seed = "20261204")
    void aBrokenBodyIsRefusedCleanly(@ForAll("endpointsWithBrokenBodies") Attempt attempt) {
        send(attempt);
    }

    @Property(tries = 60, seed = "20261205")
    void aHostilePathIdIsRefusedCleanly(@ForAll("endpointsWithHostileIds") Attempt attempt) {
        send(attempt);
    }

    @Property(tries = 60, seed = "20261206")
    void hostileHeadersAreRefusedCleanly(@ForAll("endpointsWithHostileHeaders") Attempt attempt) {
        send(attempt);
    }

    @Property(tries = 40, seed = "20261207")
    void bytesThatAreNotUtf8AreRefusedCleanly(@ForAll("endpointsWithInvalidUtf8") Attempt attempt) {
        send(attempt);
    }

    /** Tomcat refuses these before Spring sees them; the answer is still a problem document. */
    @Example
    void aRequestLineOrHeadersTooLargeForTheServerIsAProblemDocument() {
        Endpoint coaches = HostileRequests.ENDPOINTS.get(0);
        send(Attempt.of(
                coaches,
                "",
                "",
                "",
                Map.of("Content-Type", "application/json", "X-Filler", "f".repeat(20_000)),
                validBody(coaches)));
        Endpoint shortlist = HostileRequests.ENDPOINTS.get(2);
        send(Attempt.of(shortlist, "e".repeat(20_000), "", "", json(), validBody(shortlist)));
    }

    @Provide
    Arbitrary<Attempt> endpointsWithBrokenBodies() {
        return Combinators.combine(endpoints(), engagementIds())
                .flatAs((endpoint, engagementId) -> HostileRequests.mutatedBody(endpoint)
                        .map(body -> Attempt.of(
                                endpoint,
                                engagementId,
                                "c-1",
                                "compliance",
                                json(),
                                body.getBytes(StandardCharsets.UTF_8))));
    }

    @Provide
    Arbitrary<Attempt> endpointsWithHostileIds() {
        return Combinators.combine(
                        endpoints(),
                        HostileRequests.hostileId(),
                        engagementIds(),
                        Arbitraries.of("engagementId", "consentId", "name"))
                .as((endpoint, hostile, engagementId, which) -> Attempt.of(
                        endpoint,
                        which.equals("engagementId") ? hostile : engagementId,
                        which.equals("consentId") ? hostile : "c-1",
                        which.equals("name") ? hostile : "compliance",
                        json(),
                        validBody(endpoint)));
    }

    @Provide
    Arbitrary<Attempt> endpointsWithHostileHeaders() {
        return Combinators.combine(endpoints(), engagementIds(), HostileRequests.hostileHeaders())
                .as((endpoint, engagementId, headers) ->
                        Attempt.of(endpoint, engagementId, "c-1", "compliance", headers, validBody(endpoint)));
    }

    @Provide
    Arbitrary<Attempt> endpointsWithInvalidUtf8() {
        return Combinators.combine(
                        endpoints().filter(endpoint -> !endpoint.validBody().isEmpty()), engagementIds())
                .flatAs((endpoint, engagementId) -> HostileRequests.invalidUtf8(endpoint)
                        .map(body -> Attempt.of(endpoint, engagementId, "c-1", "compliance", json(), body)));
    }

    /** One request: the endpoint with its path variables filled in, the headers and the raw body. */
    record Attempt(Endpoint endpoint, String path, Map<String, String> headers, byte[] body) {

        static Attempt of(
                Endpoint endpoint,
                String engagementId,
                String consentId,
                String projection,
                Map<String, String> headers,
                byte[] body) {
            String path = endpoint.path()
                    .replace("{engagementId}", engagementId)
                    .replace("{consentId}", consentId)
                    .replace("{name}", projection);
            return new Attempt(endpoint, path, headers, body);
        }

        @Override
        public String toString() {
            Map<String, String> shownHeaders = new java.util.LinkedHashMap<>();
            headers.forEach((name, value) -> shownHeaders.put(name, HostileRequests.abbreviate(value)));
            return "POST " + HostileRequests.abbreviate(path) + " as " + endpoint.actor() + " " + shownHeaders
                    + " body " + HostileRequests.describe(body);
        }
    }

    private static void send(Attempt attempt) {
        long before = events.rows();
        long head = events.head();
        // a fresh id for every {id}, so that a valid body is a new command and not a repeat
        byte[] body = new String(attempt.body(), StandardCharsets.ISO_8859_1)
                .replace("{id}", "f-" + UUID.randomUUID().toString().substring(0, 8))
                .getBytes(StandardCharsets.ISO_8859_1);
        Probe.Answer answer =
                probe.send("POST", attempt.path(), attempt.endpoint().actor(), attempt.headers(), body);
        String seen = attempt + "\n  answered " + answer;

        assertThat(answer.status()).as(seen).isLessThan(500);
        assertThat(LEAK.matcher(answer.body()).find())
                .as("a Java name in the answer to " + seen)
                .isFalse();
        if (answer.status() < 400) {
            return;
        }
        assertThat(answer.contentType()).as(seen).startsWith("application/problem+json");
        List<String> recorded = events.typesAfter(head);
        // a refusal by a party to the engagement is recorded; any other 403 (a coach who is not the
        // selected one, a wrong role) records nothing
        if (answer.status() == 403
                && "Disclosure refused".equals(problem(answer).path("title").asText())) {
            assertThat(recorded)
                    .as("a refused disclosure records its refusal: " + seen)
                    .containsExactly("DisclosureRefused");
        } else {
            assertThat(recorded)
                    .as(
                            "what a refused command recorded: %s\n  recorded %s (head was %d)",
                            seen, events.describeAfter(head), head)
                    .isEmpty();
            assertThat(events.rows()).as(seen).isEqualTo(before);
        }
    }

    private static JsonNode problem(Probe.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("a problem document that is not JSON: " + answer, e);
        }
    }

    /** Two active engagements of client-cara and boss-ben with consent c-1 for the boss, and one only opened. */
    private static String engagement(LedgerHttp http, boolean active) {
        String id = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        http.post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(id));
        if (active) {
            String engagement = "/api/v1/engagements/" + id;
            http.post(engagement + "/shortlist", "hr-hana", "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}");
            http.post(engagement + "/coach-selection", "client-cara", "{\"coachId\":\"coach-cole\"}");
            http.post(
                    engagement + "/budget-approval",
                    "boss-ben",
                    "{\"sessions\":200,\"amount\":1000,\"currency\":\"EUR\"}");
            http.post(
                    engagement + "/consents",
                    "client-cara",
                    "{\"consentId\":\"c-1\",\"audience\":\"BOSS\",\"scopes\":[\"PROGRESS\"],\"purpose\":\"review\"}");
        }
        return id;
    }

    private static Arbitrary<Endpoint> endpoints() {
        return Arbitraries.of(HostileRequests.ENDPOINTS);
    }

    private static Arbitrary<String> engagementIds() {
        return Arbitraries.of(engagements);
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private static byte[] validBody(Endpoint endpoint) {
        return endpoint.validBody().getBytes(StandardCharsets.UTF_8);
    }
}
