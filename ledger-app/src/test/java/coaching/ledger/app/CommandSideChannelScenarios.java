package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, findings 1, 2 and 6, probed over HTTP as they were reported: a command's answer tells
 * its caller nothing its own view does not show, nothing about what others recorded under an id,
 * and a fingerprint never takes different content for a repeat.
 */
interface CommandSideChannelScenarios extends LedgerScenario {

    String BUDGET = "{\"sessions\":4,\"amount\":12000.0,\"currency\":\"EUR\"}";

    /** Probe 1: the boss's repeated budget approval answers the same version before and after a session. */
    @Test
    default void theBossLearnsNothingOfSessionsFromHisReceipts() {
        String id = activeEngagement(4);
        LedgerHttp.Response before = expect(200, http().post(path(id, "budget-approval"), "boss-ben", BUDGET));
        assertThat(before.json().get("version").asLong()).isEqualTo(3);

        expect(201, logSession(id, "s-1", "talked about the reorg"));

        LedgerHttp.Response after = expect(200, http().post(path(id, "budget-approval"), "boss-ben", BUDGET));
        assertThat(after.json().get("version").asLong()).isEqualTo(3);
        LedgerHttp.Response request = expect(
                201,
                http().post(
                                path(id, "update-requests"),
                                "boss-ben",
                                "{\"requestId\":\"r-1\",\"scope\":\"PROGRESS\",\"message\":\"how is it going?\"}"));
        assertThat(request.json().get("version").asLong())
                .as("the boss's view shows neither session nor request")
                .isEqualTo(3);
        LedgerHttp.Response consent = grantBossConsent(id, "c-1", "\"PROGRESS\"");
        assertThat(consent.json().get("version").asLong())
                .as("the client's version is the sequence number")
                .isEqualTo(6);
    }

    /**
     * Probe 2: the runner-up gets one and the same 403 whether his guess matches what the selected
     * coach shared, misses it, or names an unused id; nothing is recorded, and the selected coach's
     * own later use of that id goes through.
     */
    @Test
    default void theRunnerUpCanNeitherProbeContentNorSquatOnIds() {
        String id = activeEngagement(4);
        grantBossConsent(id, "c-1", "\"PROGRESS\"");
        String shared = "Cara now chairs the weekly planning";
        expect(201, http().post(path(id, "updates"), "coach-cole", update("u-1", shared)));
        int eventsBefore = history(id).size();

        JsonNode rightGuess = runnerUpRefused(id, update("u-1", shared));
        JsonNode wrongGuess = runnerUpRefused(id, update("u-1", "Cara is looking for another job"));
        JsonNode squat = runnerUpRefused(id, update("u-9", "taking this id"));

        for (JsonNode answer : new JsonNode[] {rightGuess, wrongGuess, squat}) {
            assertThat(answer.get("reason").asText()).isEqualTo("NOT_SELECTED_COACH");
            assertThat(answer.get("detail").asText())
                    .isEqualTo(rightGuess.get("detail").asText());
            assertThat(answer.has("updateId")).isFalse();
            assertThat(answer.has("version")).isFalse();
        }
        assertThat(history(id)).as("the probes recorded nothing").hasSize(eventsBefore);

        LedgerHttp.Response own =
                expect(201, http().post(path(id, "updates"), "coach-cole", update("u-9", "on track")));
        assertThat(own.json().get("updateId").asText()).isEqualTo("u-9");
    }

    /** An update id is the first user's: the other sharer's reuse is 409 with one message whatever the content. */
    @Test
    default void anUpdateIdReusedByAnotherPrincipalConflictsWithoutTellingIfTheContentMatched() {
        String id = activeEngagement(4);
        grantBossConsent(id, "c-1", "\"PROGRESS\"");
        String shared = "Cara now chairs the weekly planning";
        expect(201, http().post(path(id, "updates"), "coach-cole", update("u-1", shared)));

        LedgerHttp.Response sameText =
                expect(409, http().post(path(id, "updates"), "client-cara", update("u-1", shared)));
        LedgerHttp.Response otherText =
                expect(409, http().post(path(id, "updates"), "client-cara", update("u-1", "a guess")));
        assertThat(sameText.json().get("detail").asText())
                .isEqualTo(otherText.json().get("detail").asText())
                .doesNotContain(shared);
        expect(200, http().post(path(id, "updates"), "coach-cole", update("u-1", shared)));
    }

    /** Probe 6: specialties ["a","b"] and ["a, b"] are different registrations. */
    @Test
    default void aListAndItsJoinedTextAreDifferentContent() {
        String coachId = newId("coach");
        expect(201, http().post("/api/v1/coaches", "hr-hana", coach(coachId, "[\"a\",\"b\"]")));
        expect(200, http().post("/api/v1/coaches", "hr-hana", coach(coachId, "[\"a\",\"b\"]")));
        expect(409, http().post("/api/v1/coaches", "hr-hana", coach(coachId, "[\"a, b\"]")));
        expect(409, http().post("/api/v1/coaches", "hr-hana", coach(coachId, "[\"b\",\"a\"]")));
    }

    private JsonNode runnerUpRefused(String id, String body) {
        LedgerHttp.Response response = expect(403, http().post(path(id, "updates"), "coach-chen", body));
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json();
    }

    private static String update(String updateId, String content) {
        return "{\"updateId\":\"%s\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"%s\"}"
                .formatted(updateId, content);
    }

    private static String coach(String coachId, String specialties) {
        return """
                {"coachId":"%s","displayName":"Ann Example","certifications":[],"yearsExperience":5,"specialties":%s}""".formatted(coachId, specialties);
    }
}
