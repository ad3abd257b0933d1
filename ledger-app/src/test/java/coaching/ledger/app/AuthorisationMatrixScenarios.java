package coaching.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the published OpenAPI document, as every kind of principal: the demo users, an
 * unrelated user of each role and anonymous. The table is the expected answer of each cell; a published
 * operation without a row, or a row without a published operation, fails.
 * <p>
 * Each command cell that is to succeed (or to record a refusal) runs on an engagement of its own,
 * brought by the seed story to the state its row needs; the refusals of a row, which record nothing,
 * share one such engagement; every read runs on one engagement that went through the whole story. A refused cell must
 * record nothing, except {@code 403r}: a disclosure refused to a legitimate party (the selected coach,
 * or the client, without consent) answers 403 and records exactly one {@code DisclosureRefused}.
 */
interface AuthorisationMatrixScenarios extends LedgerScenario {

    /** Column name to principal; anon sends no credentials. The matrix test adds the unrelated users. */
    Map<String, String> PRINCIPALS = principals(
            "anon",
            null,
            "hana",
            "hr-hana",
            "hugo",
            "hr-hugo",
            "ben",
            "boss-ben",
            "bea",
            "boss-bea",
            "cara",
            "client-cara",
            "carl",
            "client-carl",
            "cole",
            "coach-cole",
            "chen",
            "coach-chen",
            "cody",
            "coach-cody",
            "cy",
            "compliance-cy",
            "cleo",
            "compliance-cleo",
            "ivy",
            "integrator-ivy",
            "ira",
            "integrator-ira",
            "ada",
            "admin-ada",
            "abe",
            "admin-abe");

    /**
     * Who is who on the engagement: ben is its boss and cara its client, hana opened it; cole is the
     * selected coach, chen was shortlisted and not selected, cody is registered and never shortlisted.
     * hugo (HR), bea (BOSS), carl (CLIENT), cleo (COMPLIANCE), ira (INTEGRATOR), abe (ADMIN) have
     * nothing to do with it.
     */
    String MATRIX = """
            operation                                                                anon hana hugo ben  bea  cara carl cole chen cody cy   cleo ivy  ira  ada  abe
            POST /api/v1/coaches                                                     401  201  201  403  403  403  403  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements                                                 401  201  201  403  403  403  403  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/shortlist                        401  201  201  403  403  403  403  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/coach-selection                  401  403  403  403  403  201  404  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/budget-approval                  401  403  403  201  404  403  403  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/sessions                         401  403  403  403  403  403  403  201  403  404  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/consents                         401  403  403  403  403  201  404  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/consents/{consentId}/revocation  401  403  403  403  403  201  404  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/update-requests                  401  201  201  201  404  403  403  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/updates                          401  403  403  403  403  201  404  201  403  404  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/updates [no consent]             401  403  403  403  403  403r 404  403r 403  404  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/satisfaction                     401  403  403  403  403  201  404  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/closure                          401  201  201  201  404  403  403  403  403  403  403  403  403  403  403  403
            POST /api/v1/engagements/{engagementId}/legal-hold                       401  403  403  403  403  403  403  403  403  403  201  201  403  403  403  403
            POST /api/v1/engagements/{engagementId}/legal-hold/{holdId}/release      401  403  403  403  403  403  403  403  403  403  200  200  403  403  403  403
            POST /api/v1/clients/{clientId}/erasure                                  401  403  403  403  403  403  403  403  403  403  201  201  403  403  403  403
            POST /api/v1/clients/{clientId}/reauthorisation                          401  403  403  403  403  403  403  403  403  403  201  201  403  403  403  403
            POST /api/v1/compliance/erasures/{erasureId}/recipients/{recipientId}/notified 401 403 403 403 403 403 403 403 403 403 404 404 403 403 403 403
            GET /api/v1/hr/engagements                                               401  200  200  403  403  403  403  403  403  403  403  403  403  403  403  403
            GET /api/v1/hr/engagements/stream                                        401  200  200  403  403  403  403  403  403  403  403  403  403  403  403  403
            GET /api/v1/hr/coaches                                                   401  200  200  403  403  403  403  403  403  403  403  403  403  403  403  403
            GET /api/v1/hr/dashboard                                                 401  200  200  403  403  403  403  403  403  403  403  403  403  403  403  403
            GET /api/v1/boss/engagements                                             401  403  403  200  200  403  403  403  403  403  403  403  403  403  403  403
            GET /api/v1/boss/engagements/{engagementId}                              401  403  403  200  404  403  403  403  403  403  403  403  403  403  403  403
            GET /api/v1/client/engagements                                           401  403  403  403  403  200  200  403  403  403  403  403  403  403  403  403
            GET /api/v1/client/engagements/{engagementId}                            401  403  403  403  403  200  404  403  403  403  403  403  403  403  403  403
            GET /api/v1/coach/engagements                                            401  403  403  403  403  403  403  200  200  200  403  403  403  403  403  403
            GET /api/v1/coach/engagements/{engagementId}                             401  403  403  403  403  403  403  200  404  404  403  403  403  403  403  403
            GET /api/v1/compliance/disclosures                                       401  403  403  403  403  403  403  403  403  403  200  200  403  403  403  403
            GET /api/v1/compliance/erasures                                          401  403  403  403  403  403  403  403  403  403  200  200  403  403  403  403
            GET /api/v1/compliance/verification                                      401  403  403  403  403  403  403  403  403  403  200  200  403  403  403  403
            GET /api/v1/events                                                       401  403  403  403  403  403  403  403  403  403  200  200  200  200  403  403
            GET /api/v1/log/checkpoint                                               401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200
            GET /api/v1/log/public-key                                               401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200
            GET /api/v1/log/proof/consistency                                        401  403  403  403  403  403  403  403  403  403  200  200  403  403  403  403
            GET /api/v1/client/engagements/{engagementId}/disclosures/{updateId}/receipt 401 403 403 403 403 200 404 403 403 403 403 403 403 403 403 403
            GET /api/v1/compliance/disclosures/{eventId}/receipt                     401  403  403  403  403  403  403  403  403  403  200  200  403  403  403  403
            GET /api/v1/admin/projections                                            401  403  403  403  403  403  403  403  403  403  403  403  403  403  200  200
            POST /api/v1/admin/projections/{name}/replay                             401  403  403  403  403  403  403  403  403  403  403  403  403  403  202  202
            GET /api/v1/admin/projections/{name}/dead-letters                        401  403  403  403  403  403  403  403  403  403  403  403  403  403  200  200
            POST /api/v1/admin/projections/{name}/dead-letters/retry                 401  403  403  403  403  403  403  403  403  403  403  403  403  403  200  200
            GET /api/v1/admin/sign-in-audit                                          401  403  403  403  403  403  403  403  403  403  200  200  403  403  200  200
            GET /api/v1/me                                                           401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200
            """;

    /** What each row sends, on an engagement in which state; {new} is a fresh id. */
    Map<String, Call> CALLS = calls(
            "POST /api/v1/coaches",
            new Call(State.NONE, "", """
                    {"coachId":"{new}","displayName":"Coach","certifications":[{"body":"ICF","credential":"PCC"}],
                     "yearsExperience":3,"specialties":["leadership"]}"""),
            "POST /api/v1/engagements",
            new Call(State.NONE, "", """
                    {"engagementId":"{new}","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}"""),
            "POST /api/v1/engagements/{engagementId}/shortlist",
            new Call(State.OPENED, "", "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"),
            "POST /api/v1/engagements/{engagementId}/coach-selection",
            new Call(State.SHORTLISTED, "", "{\"coachId\":\"coach-cole\"}"),
            "POST /api/v1/engagements/{engagementId}/budget-approval",
            new Call(State.SHORTLISTED, "", "{\"sessions\":4,\"amount\":4800.00,\"currency\":\"EUR\"}"),
            "POST /api/v1/engagements/{engagementId}/sessions",
            new Call(
                    State.ACTIVE,
                    "",
                    "{\"sessionId\":\"s-1\",\"heldOn\":\"" + LocalDate.now().minusDays(1)
                            + "\",\"durationMinutes\":60,\"notes\":\"notes\"}"),
            "POST /api/v1/engagements/{engagementId}/consents",
            new Call(State.ACTIVE, "", """
                    {"consentId":"c-2","audience":"BOSS","scopes":["PROGRESS"],"purpose":"quarterly review"}"""),
            "POST /api/v1/engagements/{engagementId}/consents/{consentId}/revocation",
            new Call(State.CONSENTED, "", "{\"reason\":\"changed my mind\"}"),
            "POST /api/v1/engagements/{engagementId}/update-requests",
            new Call(
                    State.ACTIVE,
                    "",
                    "{\"requestId\":\"r-1\",\"scope\":\"PROGRESS\",\"message\":\"how is it going?\"}"),
            "POST /api/v1/engagements/{engagementId}/updates",
            new Call(
                    State.CONSENTED,
                    "",
                    "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"on track\"}"),
            "POST /api/v1/engagements/{engagementId}/updates [no consent]",
            new Call(
                    State.ACTIVE,
                    "",
                    "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"on track\"}"),
            "POST /api/v1/engagements/{engagementId}/satisfaction",
            new Call(State.ACTIVE, "", "{\"score\":4,\"comment\":\"helpful\"}"),
            "POST /api/v1/engagements/{engagementId}/closure",
            new Call(State.ACTIVE, "", "{\"outcome\":\"COMPLETED\",\"reason\":\"goals met\"}"),
            "POST /api/v1/engagements/{engagementId}/legal-hold",
            new Call(State.OPENED, "", "{\"holdId\":\"{new}\",\"reason\":\"case 12\"}"),
            "POST /api/v1/engagements/{engagementId}/legal-hold/{holdId}/release",
            new Call(State.HELD, "", ""),
            "POST /api/v1/clients/{clientId}/erasure",
            new Call(State.ERASABLE, "", "{\"erasureId\":\"{new}\",\"reason\":\"ticket 1\"}"),
            "POST /api/v1/clients/{clientId}/reauthorisation",
            new Call(State.ERASED, "", "{\"reauthorisationId\":\"{new}\",\"reason\":\"came back\"}"),
            // no erasure of client-cara: compliance learns it is not found, every other role is refused first
            "POST /api/v1/compliance/erasures/{erasureId}/recipients/{recipientId}/notified",
            new Call(State.NONE, "", "{\"clientId\":\"client-cara\"}"),
            "GET /api/v1/hr/engagements",
            Call.read(""),
            "GET /api/v1/hr/engagements/stream",
            Call.read(""),
            "GET /api/v1/hr/coaches",
            Call.read(""),
            "GET /api/v1/hr/dashboard",
            Call.read(""),
            "GET /api/v1/boss/engagements",
            Call.read(""),
            "GET /api/v1/boss/engagements/{engagementId}",
            Call.read(""),
            "GET /api/v1/client/engagements",
            Call.read(""),
            "GET /api/v1/client/engagements/{engagementId}",
            Call.read(""),
            "GET /api/v1/coach/engagements",
            Call.read(""),
            "GET /api/v1/coach/engagements/{engagementId}",
            Call.read(""),
            "GET /api/v1/compliance/disclosures",
            Call.read("?engagementId={engagementId}"),
            "GET /api/v1/compliance/erasures",
            Call.read("?clientId=client-cara"),
            "GET /api/v1/compliance/verification",
            Call.read(""),
            "GET /api/v1/events",
            Call.read("?limit=5"),
            "GET /api/v1/log/checkpoint",
            Call.read(""),
            "GET /api/v1/log/public-key",
            Call.read(""),
            "GET /api/v1/log/proof/consistency",
            Call.read("?from=1"),
            "GET /api/v1/client/engagements/{engagementId}/disclosures/{updateId}/receipt",
            Call.read(""),
            "GET /api/v1/compliance/disclosures/{eventId}/receipt",
            Call.read(""),
            "GET /api/v1/admin/projections",
            Call.read(""),
            // the compliance view: no other cell reads it in a way its rebuild could change
            "POST /api/v1/admin/projections/{name}/replay",
            new Call(State.NONE, "", ""),
            "GET /api/v1/admin/projections/{name}/dead-letters",
            Call.read(""),
            "POST /api/v1/admin/projections/{name}/dead-letters/retry",
            new Call(State.NONE, "", ""),
            "GET /api/v1/admin/sign-in-audit",
            Call.read(""),
            "GET /api/v1/me",
            Call.read(""));

    Pattern ROW = Pattern.compile("(\\S+) (\\S+)(?: \\[([^]]+)])?\\s+(.+)");
    Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    enum State {
        NONE,
        OPENED,
        SHORTLISTED,
        ACTIVE,
        CONSENTED,
        STORY,
        /** OPENED with legal hold {@code hold-1} in force. */
        HELD,
        /** A client of its own ({clientId}) whose one engagement is closed. */
        ERASABLE,
        /** ERASABLE, and erased. */
        ERASED
    }

    /** A request: the state it needs, a query string and a body; reads all use the story's engagement. */
    record Call(State state, String query, String body) {
        static Call read(String query) {
            return new Call(State.STORY, query, null);
        }
    }

    /** One row of {@link #MATRIX}: an operation (in a named situation) and the expected answer per column. */
    record Row(String operation, String label, Map<String, String> expected) {
        String name() {
            return label == null ? operation : operation + " [" + label + "]";
        }
    }

    @TestFactory
    default Stream<DynamicNode> everyOperationAsEveryPrincipal() {
        registerDemoCoaches();
        http().post("/api/v1/coaches", "hr-hana", """
                {"coachId":"coach-cody","displayName":"Cody","certifications":[{"body":"ICF","credential":"ACC"}],
                 "yearsExperience":1,"specialties":["careers"]}""");
        Set<String> published = publishedOperations();
        List<Row> rows = rows();
        List<DynamicNode> nodes = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Row row : rows) {
            covered.add(row.operation());
            if (!published.contains(row.operation())) {
                nodes.add(DynamicTest.dynamicTest(
                        row.name(),
                        () -> assertThat(published)
                                .as("the matrix has a row for an operation the OpenAPI document does not publish")
                                .contains(row.operation())));
                continue;
            }
            Call call = CALLS.get(row.name());
            if (call == null) {
                nodes.add(DynamicTest.dynamicTest(
                        row.name(),
                        () -> assertThat(CALLS)
                                .as("no request is defined for this row")
                                .containsKey(row.name())));
                continue;
            }
            // refusals record nothing, so they share one engagement per row; what succeeds gets its own
            Map<String, String> refusedOn = new LinkedHashMap<>();
            nodes.add(DynamicContainer.dynamicContainer(
                    row.name(),
                    row.expected().entrySet().stream()
                            .map(cell -> DynamicTest.dynamicTest(row.name() + " as " + cell.getKey(), () -> {
                                boolean changesState = cell.getValue().startsWith("2")
                                        || cell.getValue().endsWith("r");
                                if (refusedOn.isEmpty() && !changesState) {
                                    refusedOn.putAll(prepare(call.state()));
                                }
                                check(
                                        row,
                                        call,
                                        changesState ? prepare(call.state()) : refusedOn,
                                        cell.getKey(),
                                        cell.getValue());
                            }))));
        }
        for (String operation : published) {
            if (!covered.contains(operation)) {
                nodes.add(DynamicTest.dynamicTest(
                        operation,
                        () -> assertThat(covered)
                                .as("the OpenAPI document publishes an operation the matrix has no row for")
                                .contains(operation)));
            }
        }
        return nodes.stream();
    }

    private void check(Row row, Call call, Map<String, String> variables, String column, String expected) {
        String[] operation = row.operation().split(" ", 2);
        String path = expand(operation[1] + call.query(), variables);
        boolean post = operation[0].equals("POST");
        EventTable events = events();
        long head = events.head();

        Probe.Answer answer = probe().send(
                        operation[0],
                        path,
                        PRINCIPALS.get(column),
                        post ? Map.of("Content-Type", "application/json") : Map.of("Accept", "*/*"),
                        call.body() == null
                                ? null
                                : expand(call.body(), variables).getBytes(StandardCharsets.UTF_8));

        boolean recordsRefusal = expected.endsWith("r");
        int status = Integer.parseInt(recordsRefusal ? expected.substring(0, expected.length() - 1) : expected);
        assertThat(answer.status())
                .as("%s %s as %s: %s", operation[0], path, column, answer)
                .isEqualTo(status);
        if (status >= 400) {
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
            assertThat(events.typesAfter(head))
                    .as("what %s recorded with its %d", column, status)
                    .isEqualTo(recordsRefusal ? List.of("DisclosureRefused") : List.of());
        }
    }

    /** The variables of a fresh engagement in {@code state} (or of the story's, for reads). */
    private Map<String, String> prepare(State state) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("new", newId("m"));
        variables.put("name", "compliance");
        variables.put("consentId", "c-1");
        variables.put("holdId", "hold-1");
        variables.put("erasureId", newId("er"));
        variables.put("recipientId", "boss-ben");
        if (state == State.STORY) {
            String story = story();
            variables.put("engagementId", story);
            variables.put("updateId", "u-1");
            variables.put("eventId", sharedEventId(story));
            return variables;
        }
        if (state == State.NONE) {
            return variables;
        }
        if (state == State.ERASABLE || state == State.ERASED) {
            return erasableClient(variables, state == State.ERASED);
        }
        String id = newId("matrix");
        variables.put("engagementId", id);
        expect(201, http().post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(id)));
        if (state == State.OPENED) {
            return variables;
        }
        if (state == State.HELD) {
            expect(
                    201,
                    http().post(
                                    path(id, "legal-hold"),
                                    "compliance-cy",
                                    "{\"holdId\":\"hold-1\",\"reason\":\"case 12\"}"));
            return variables;
        }
        expect(201, http().post(path(id, "shortlist"), "hr-hana", "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        if (state == State.SHORTLISTED) {
            return variables;
        }
        expect(201, http().post(path(id, "coach-selection"), "client-cara", "{\"coachId\":\"coach-cole\"}"));
        expect(
                201,
                http().post(
                                path(id, "budget-approval"),
                                "boss-ben",
                                "{\"sessions\":4,\"amount\":4800,\"currency\":\"EUR\"}"));
        if (state == State.CONSENTED) {
            grantBossConsent(id, "c-1", "\"PROGRESS\"");
        }
        return variables;
    }

    /** A client of its own, with one engagement, closed; erased too if {@code erased}. */
    private Map<String, String> erasableClient(Map<String, String> variables, boolean erased) {
        String client = newId("client");
        String id = newId("matrix");
        variables.put("clientId", client);
        expect(201, http().post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"%s","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(id, client)));
        expect(
                201,
                http().post(
                                path(id, "closure"),
                                "hr-hana",
                                "{\"outcome\":\"TERMINATED\",\"reason\":\"never started\"}"));
        if (erased) {
            expect(
                    201,
                    http().post(
                                    "/api/v1/clients/" + client + "/erasure",
                                    "compliance-cy",
                                    "{\"erasureId\":\"er-1\",\"reason\":\"ticket 1\"}"));
        }
        return variables;
    }

    /**
     * The one engagement every read looks at: the whole seed story (a session, a consent, an update
     * shared and one refused), visible in every party's view before the first read.
     */
    private String story() {
        return Story.ID.computeIfAbsent(context(), key -> {
            String id = activeEngagement(4);
            expect(201, logSession(id, "s-1", "talked about the reorg"));
            grantBossConsent(id, "c-1", "\"PROGRESS\"");
            expect(
                    201,
                    http().post(
                                    path(id, "updates"),
                                    "coach-cole",
                                    "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"steady\"}"));
            expect(
                    403,
                    http().post(
                                    path(id, "updates"),
                                    "coach-cole",
                                    "{\"updateId\":\"u-2\",\"audience\":\"HR\",\"scope\":\"PROGRESS\",\"content\":\"not for HR\"}"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                expect(200, http().get("/api/v1/boss/engagements/" + id, "boss-ben"));
                expect(200, http().get("/api/v1/client/engagements/" + id, "client-cara"));
                expect(200, http().get("/api/v1/coach/engagements/" + id, "coach-cole"));
            });
            return id;
        });
    }

    /** The event id of the story's disclosure u-1. */
    private String sharedEventId(String engagementId) {
        return history(engagementId).stream()
                .filter(event -> event.getPayloadType().getSimpleName().equals("UpdateShared"))
                .map(DomainEventMessage::getIdentifier)
                .findFirst()
                .orElseThrow();
    }

    private Set<String> publishedOperations() {
        JsonNode paths = expect(200, http().get("/v3/api-docs", null)).json().get("paths");
        Set<String> operations = new LinkedHashSet<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().stream()
                        .filter(method -> METHODS.contains(method.getKey()))
                        .forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private static List<Row> rows() {
        Iterator<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).iterator();
        List<String> columns = Arrays.asList(lines.next().trim().split("\\s+")).subList(1, PRINCIPALS.size() + 1);
        assertThat(columns).as("the matrix columns").containsExactlyElementsOf(PRINCIPALS.keySet());
        List<Row> rows = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next().trim();
            Matcher matcher = ROW.matcher(line);
            assertThat(matcher.matches()).as("a matrix row: %s", line).isTrue();
            String[] cells = matcher.group(4).trim().split("\\s+");
            assertThat(cells).as("one cell per column: %s", line).hasSize(columns.size());
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) {
                expected.put(columns.get(i), cells[i]);
            }
            rows.add(new Row(matcher.group(1) + " " + matcher.group(2), matcher.group(3), expected));
        }
        return rows;
    }

    private static String expand(String template, Map<String, String> variables) {
        String expanded = template;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            expanded = expanded.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        return expanded;
    }

    private Probe probe() {
        return new Probe(context().getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private EventTable events() {
        return new EventTable(context().getBean(JdbcTemplate.class));
    }

    private static Map<String, String> principals(String... pairs) {
        Map<String, String> principals = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            principals.put(pairs[i], pairs[i + 1]);
        }
        return principals;
    }

    private static Map<String, Call> calls(Object... pairs) {
        Map<String, Call> calls = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            calls.put((String) pairs[i], (Call) pairs[i + 1]);
        }
        return calls;
    }

    /** The story's engagement, once per running ledger. */
    final class Story {
        static final Map<Object, String> ID = new java.util.concurrent.ConcurrentHashMap<>();

        private Story() {}
    }
}
