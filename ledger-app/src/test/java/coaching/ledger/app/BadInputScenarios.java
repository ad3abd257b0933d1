package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a request can be wrong gets a problem document naming what is wrong, never a 500. */
interface BadInputScenarios extends LedgerScenario {

    @Test
    default void aMissingFieldIsA400NamingTheField() {
        LedgerHttp.Response response = expect(
                400,
                http().post(
                                "/api/v1/engagements",
                                "hr-hana",
                                "{\"engagementId\":\"%s\",\"clientId\":\"client-cara\",\"purpose\":\"REMEDIAL\",\"urgency\":\"LOW\"}"
                                        .formatted(newId("eng"))));
        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("bossId");
    }

    @Test
    default void anUnknownEnumValueIsA400NamingTheFieldAndTheValidValues() {
        LedgerHttp.Response response = expect(
                400,
                http().post(
                                "/api/v1/engagements",
                                "hr-hana",
                                "{\"engagementId\":\"%s\",\"clientId\":\"client-cara\",\"bossId\":\"boss-ben\",\"purpose\":\"FIRING\",\"urgency\":\"LOW\"}"
                                        .formatted(newId("eng"))));
        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("purpose");
        assertThat(response.body()).contains("DEVELOPMENTAL", "REMEDIAL");
    }

    @Test
    default void anIdOfTheWrongShapeIsA400() {
        LedgerHttp.Response inBody = expect(
                400,
                http().post(
                                "/api/v1/engagements",
                                "hr-hana",
                                "{\"engagementId\":\"has spaces\",\"clientId\":\"client-cara\",\"bossId\":\"boss-ben\",\"purpose\":\"REMEDIAL\",\"urgency\":\"LOW\"}"));
        assertThat(fields(inBody)).containsExactly("engagementId");
        LedgerHttp.Response inPath = expect(
                400,
                http().post(
                                "/api/v1/engagements/" + "x".repeat(65) + "/shortlist",
                                "hr-hana",
                                "{\"coachIds\":[\"coach-cole\"]}"));
        assertThat(fields(inPath)).containsExactly("engagementId");
        LedgerHttp.Response inList = expect(
                400,
                http().post(
                                "/api/v1/engagements/eng-1/shortlist",
                                "hr-hana",
                                "{\"coachIds\":[\"coach-cole\",\"bad/id\"]}"));
        assertThat(fields(inList)).containsExactly("coachIds[1]");
    }

    @Test
    default void malformedJsonAndAMissingBodyAre400() {
        assertProblem(expect(400, http().post("/api/v1/engagements", "hr-hana", "{\"engagementId\":")), 400);
        assertProblem(expect(400, http().post("/api/v1/engagements", "hr-hana", "")), 400);
        LedgerHttp.Response wrongType = expect(
                400,
                http().post(
                                "/api/v1/engagements/eng-1/budget-approval",
                                "boss-ben",
                                "{\"sessions\":\"many\",\"amount\":1,\"currency\":\"EUR\"}"));
        assertThat(fields(wrongType)).containsExactly("sessions");
    }

    @Test
    default void missingOrWrongCredentialsAre401() {
        assertProblem(expect(401, http().post("/api/v1/engagements", null, "{}")), 401);
        LedgerHttp.Response unknownUser = expect(401, http().post("/api/v1/engagements", "nobody", "{}"));
        assertThat(unknownUser.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    default void theWrongRoleOrSomeoneElsesEngagementIsRefused() {
        String id = activeEngagement(2);
        assertProblem(expect(403, http().post("/api/v1/engagements", "client-cara", "{}")), 403);
        assertProblem(expect(403, http().post(path(id, "sessions"), "boss-ben", "{}")), 403);
        // a client, boss or coach unrelated to the engagement is not told it exists
        expect(404, http().post(path(id, "consents"), "client-carl", """
                {"consentId":"c-9","audience":"BOSS","scopes":["PROGRESS"],"purpose":"not mine"}"""));
        expect(
                404,
                http().post(
                                path(id, "budget-approval"),
                                "boss-bea",
                                "{\"sessions\":2,\"amount\":1,\"currency\":\"EUR\"}"));
        // a shortlisted coach who was not selected knows the engagement but may not log sessions
        expect(403, http().post(path(id, "sessions"), "coach-chen", """
                {"sessionId":"s-x","heldOn":"2026-01-01","durationMinutes":30,"notes":"not my client"}"""));
        expect(
                404,
                http().post(path(newId("missing"), "coach-selection"), "client-cara", "{\"coachId\":\"coach-cole\"}"));
    }

    @Test
    default void aMalformedCorrelationIdIsA400AndAWellFormedOneIsEchoed() {
        LedgerHttp.Response bad =
                http().post("/api/v1/coaches", "hr-hana", "{}", Map.of("X-Correlation-Id", "no spaces allowed"));
        assertProblem(expect(400, bad), 400);
        assertThat(fields(bad)).containsExactly("X-Correlation-Id");
    }

    private static void assertProblem(LedgerHttp.Response response, int status) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "coaching.ledger.");
    }

    private static java.util.List<String> fields(LedgerHttp.Response response) {
        return response.json().get("errors").findValuesAsText("field");
    }
}
