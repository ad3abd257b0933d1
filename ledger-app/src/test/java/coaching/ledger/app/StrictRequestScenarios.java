package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies are read exactly as written (unknown properties, duplicate keys, coerced scalars are 400 naming
 * the field, and nothing is recorded), and every write under /api/ must be application/json (415), so
 * that a hostile page cannot make a browser send one with its cached credentials.
 */
interface StrictRequestScenarios extends LedgerScenario {

    String ENGAGEMENT = "/api/v1/engagements/eng-strict";

    /** Every endpoint that reads a JSON body: user, path, a valid body. A new one without a row fails. */
    static Stream<Arguments> commandEndpoints() {
        return Stream.of(
                Arguments.of("POST /api/v1/coaches", "hr-hana", "/api/v1/coaches", """
                        {"coachId":"coach-x","displayName":"X","certifications":[{"body":"ICF","credential":"PCC"}],
                         "yearsExperience":3,"specialties":["leadership"]}"""),
                Arguments.of("POST /api/v1/engagements", "hr-hana", "/api/v1/engagements", """
                        {"engagementId":"eng-strict","clientId":"client-cara","bossId":"boss-ben","purpose":"REMEDIAL","urgency":"LOW"}"""),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/shortlist",
                        "hr-hana",
                        ENGAGEMENT + "/shortlist",
                        "{\"coachIds\":[\"coach-cole\"]}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/coach-selection",
                        "client-cara",
                        ENGAGEMENT + "/coach-selection",
                        "{\"coachId\":\"coach-cole\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/budget-approval",
                        "boss-ben",
                        ENGAGEMENT + "/budget-approval",
                        "{\"sessions\":2,\"amount\":100,\"currency\":\"EUR\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/sessions",
                        "coach-cole",
                        ENGAGEMENT + "/sessions",
                        "{\"sessionId\":\"s-1\",\"heldOn\":\"2026-01-01\",\"durationMinutes\":60,\"notes\":\"n\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/consents",
                        "client-cara",
                        ENGAGEMENT + "/consents",
                        "{\"consentId\":\"c-1\",\"audience\":\"BOSS\",\"scopes\":[\"PROGRESS\"],\"purpose\":\"review\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/consents/{consentId}/revocation",
                        "client-cara",
                        ENGAGEMENT + "/consents/c-1/revocation",
                        "{\"reason\":\"changed my mind\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/update-requests",
                        "boss-ben",
                        ENGAGEMENT + "/update-requests",
                        "{\"requestId\":\"r-1\",\"scope\":\"PROGRESS\",\"message\":\"m\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/updates",
                        "coach-cole",
                        ENGAGEMENT + "/updates",
                        "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"c\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/satisfaction",
                        "client-cara",
                        ENGAGEMENT + "/satisfaction",
                        "{\"score\":5,\"comment\":\"good\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/closure",
                        "hr-hana",
                        ENGAGEMENT + "/closure",
                        "{\"outcome\":\"COMPLETED\",\"reason\":\"done\"}"),
                Arguments.of(
                        "POST /api/v1/engagements/{engagementId}/legal-hold",
                        "compliance-cy",
                        ENGAGEMENT + "/legal-hold",
                        "{\"holdId\":\"hold-1\",\"reason\":\"case\"}"),
                Arguments.of(
                        "POST /api/v1/clients/{clientId}/erasure",
                        "compliance-cy",
                        "/api/v1/clients/client-strict/erasure",
                        "{\"erasureId\":\"er-1\",\"reason\":\"ticket\"}"),
                Arguments.of(
                        "POST /api/v1/clients/{clientId}/reauthorisation",
                        "compliance-cy",
                        "/api/v1/clients/client-strict/reauthorisation",
                        "{\"reauthorisationId\":\"re-1\",\"reason\":\"back\"}"),
                Arguments.of(
                        "POST /api/v1/compliance/erasures/{erasureId}/recipients/{recipientId}/notified",
                        "compliance-cy",
                        "/api/v1/compliance/erasures/er-1/recipients/boss-ben/notified",
                        "{\"clientId\":\"client-strict\"}"));
    }

    /** Every write under /api/, bodiless ones included (and a revocation without reason, sent without body below). */
    static Stream<Arguments> writeEndpoints() {
        return Stream.concat(
                commandEndpoints().map(Arguments::get).map(row -> Arguments.of(row[1], row[2])),
                Stream.of(
                        Arguments.of("admin-ada", "/api/v1/admin/projections/no-such-view/replay"),
                        Arguments.of("compliance-cy", ENGAGEMENT + "/legal-hold/hold-1/release"),
                        Arguments.of("admin-ada", "/api/v1/admin/projections/no-such-view/dead-letters/retry")));
    }

    @Test
    default void everyEndpointThatReadsABodyHasARowInTheTable() {
        Set<String> withBody = new TreeSet<>();
        context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod method) -> {
                    boolean readsBody = Arrays.stream(method.getMethodParameters())
                            .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
                    if (readsBody) {
                        info.getMethodsCondition()
                                .getMethods()
                                .forEach(verb ->
                                        info.getPatternValues().forEach(pattern -> withBody.add(verb + " " + pattern)));
                    }
                });
        assertThat(commandEndpoints().map(row -> (String) row.get()[0]).toList())
                .containsExactlyInAnyOrderElementsOf(withBody);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coaching.ledger.app.StrictRequestScenarios#commandEndpoints")
    default void anUnknownPropertyIsA400NamingItAndRecordsNothing(
            String endpoint, String user, String path, String body) {
        long events = storedEvents();
        String misspelled = body.replaceFirst("\\}$", ",\"validUntill\":\"2030-01-01\"}");

        LedgerHttp.Response response = expect(400, http().post(path, user, misspelled));

        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errors").toString())
                .isEqualTo("[{\"field\":\"validUntill\",\"message\":\"unknown property\"}]");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coaching.ledger.app.StrictRequestScenarios#commandEndpoints")
    default void aDuplicateKeyOrTrailingContentIsA400(String endpoint, String user, String path, String body) {
        long events = storedEvents();
        String firstKey = body.substring(body.indexOf('"'), body.indexOf(':') + 1);
        LedgerHttp.Response duplicate =
                expect(400, http().post(path, user, body.replaceFirst("\\}$", "," + firstKey + "null}")));
        assertThat(duplicate.json().path("errors").get(0).path("field").asText())
                .isEqualTo(firstKey.substring(1, firstKey.length() - 2));
        assertThat(duplicate.json().path("errors").get(0).path("message").asText())
                .isEqualTo("is given more than once");

        LedgerHttp.Response trailing = expect(400, http().post(path, user, body + " {}"));
        assertThat(trailing.json().path("detail").asText()).isEqualTo("the body has more after its JSON value");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    default void aMisspelledValidUntilGrantsNoConsent() {
        String id = activeEngagement(2);
        LedgerHttp.Response response = expect(400, http().post(path(id, "consents"), "client-cara", """
                {"consentId":"c-1","audience":"BOSS","scopes":["PROGRESS"],"purpose":"review","validUntill":"2030-01-01T00:00:00Z"}"""));
        assertThat(response.json().path("detail").asText()).isEqualTo("validUntill: unknown property");
        assertThat(eventTypes(id)).doesNotContain("UpdateConsentGranted");
    }

    @Test
    default void nestedUnknownPropertiesAndCoercedScalarsNameTheirField() {
        LedgerHttp.Response nested = expect(400, http().post("/api/v1/coaches", "hr-hana", """
                {"coachId":"coach-x","displayName":"X","certifications":[{"body":"ICF","credential":"PCC"},{"bodyy":"ICF"}],
                 "yearsExperience":3,"specialties":["leadership"]}"""));
        assertThat(nested.json().path("errors").toString())
                .isEqualTo("[{\"field\":\"certifications[1].bodyy\",\"message\":\"unknown property\"}]");
        for (String sessions : List.of("\"2\"", "2.5", "true")) {
            LedgerHttp.Response coerced = expect(
                    400,
                    http().post(
                                    ENGAGEMENT + "/budget-approval",
                                    "boss-ben",
                                    "{\"sessions\":" + sessions + ",\"amount\":100,\"currency\":\"EUR\"}"));
            assertThat(coerced.json().path("errors").get(0).path("field").asText())
                    .as(sessions)
                    .isEqualTo("sessions");
        }
        LedgerHttp.Response flagForText = expect(
                400,
                http().post(
                                ENGAGEMENT + "/budget-approval",
                                "boss-ben",
                                "{\"sessions\":2,\"amount\":100,\"currency\":true}"));
        assertThat(flagForText.json().path("errors").get(0).path("field").asText())
                .isEqualTo("currency");
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("coaching.ledger.app.StrictRequestScenarios#writeEndpoints")
    default void aWriteWithoutJsonContentTypeIs415NamingTheHeader(String user, String path) {
        long events = storedEvents();
        for (String contentType : new String[] {
            null,
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonp",
            "not a media type"
        }) {
            Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
            LedgerHttp.Response response = http().send("POST", path, user, headers, contentType == null ? null : "{}");

            assertThat(response.status()).as(contentType + ": " + response).isEqualTo(415);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("Content-Type");
        }
        LedgerHttp.Response withCharset =
                http().send("POST", path, user, Map.of("Content-Type", "application/json; charset=UTF-8"), null);
        assertThat(withCharset.status()).as(withCharset.toString()).isNotEqualTo(415);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    default void anAnonymousWriteLearnsOnly401AndPutAndDeleteNeedJsonToo() {
        LedgerHttp.Response anonymous = http().send(
                        "POST",
                        "/api/v1/admin/projections/client-view/replay",
                        null,
                        Map.of("Content-Type", "text/plain"),
                        "x");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Content-Type");
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            assertThat(http().send(method, ENGAGEMENT, "hr-hana", Map.of(), null)
                            .status())
                    .as(method)
                    .isEqualTo(415);
        }
    }

    @Test
    default void noCorsPreflightIsApproved() {
        for (String user : new String[] {null, "admin-ada"}) {
            LedgerHttp.Response preflight = http().send(
                            "OPTIONS",
                            "/api/v1/admin/projections/client-view/replay",
                            user,
                            Map.of(
                                    "Origin",
                                    "https://evil.example",
                                    "Access-Control-Request-Method",
                                    "POST",
                                    "Access-Control-Request-Headers",
                                    "authorization, content-type"),
                            null);
            // whatever the status, without this header the browser sends nothing
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
        }
    }

    private long storedEvents() {
        return context()
                .getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }
}
