package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure and legal holds over HTTP: what blocks an erasure, what it answers, its repeats, the Art. 19
 * notifications, the fence against new engagements and the re-authorisation that lifts it. The erased
 * client is client-carl (with boss-bea), whom no other scenario of this context uses.
 */
interface ErasureScenarios extends LedgerScenario {

    String CLIENT = "client-carl";

    @Test
    default void aClientIsErasedOnceItsEngagementsAreClosedAndUnheldAndComesBackWhenReauthorised() {
        String engagementId = carlsActiveEngagementWithAnUpdateSharedWithHerBoss();
        String erasureId = newId("er");
        String erasure = "{\"erasureId\":\"" + erasureId + "\",\"reason\":\"ticket 4711\"}";

        JsonNode notClosed = conflict(http().post(erasurePath(), "compliance-cy", erasure), "ENGAGEMENT_NOT_CLOSED");
        assertThat(notClosed.get("detail").asText()).contains(engagementId);
        // the refused erasure destroyed nothing: the client's key still seals
        expect(201, logSession(engagementId, "s-2", "after the refused erasure"));

        String hold = "{\"holdId\":\"hold-1\",\"reason\":\"case 12\"}";
        expect(201, http().post(path(engagementId, "legal-hold"), "compliance-cy", hold));
        expect(200, http().post(path(engagementId, "legal-hold"), "compliance-cy", hold));
        expect(201, http().post(path(engagementId, "closure"), "hr-hana", """
                {"outcome":"COMPLETED","reason":"goals met"}"""));
        JsonNode held = conflict(http().post(erasurePath(), "compliance-cy", erasure), "LEGAL_HOLD");
        assertThat(held.get("detail").asText()).contains(engagementId);
        expect(200, http().post(path(engagementId, "legal-hold/hold-1/release"), "compliance-cy", "{}"));
        expect(409, http().post(path(engagementId, "legal-hold/hold-1/release"), "compliance-cy", "{}"));

        JsonNode erased = expect(201, http().post(erasurePath(), "compliance-cy", erasure))
                .json();
        assertThat(erased.get("clientId").asText()).isEqualTo(CLIENT);
        assertThat(erased.get("erasureId").asText()).isEqualTo(erasureId);
        assertThat(erased.get("erasedAt").asText()).isNotBlank();
        assertThat(erased.get("engagementIds")).extracting(JsonNode::asText).containsExactly(engagementId);
        assertThat(erased.get("legacyPlaintextFields").asInt()).isZero();
        JsonNode recipient = erased.get("recipients").get(0);
        assertThat(erased.get("recipients")).hasSize(1);
        assertThat(recipient.get("recipientId").asText()).isEqualTo("boss-bea");
        assertThat(recipient.get("role").asText()).isEqualTo("BOSS");
        assertThat(recipient.get("updates")).hasSize(1);
        assertThat(recipient.get("updates").get(0).get("engagementId").asText()).isEqualTo(engagementId);
        assertThat(recipient.get("updates").get(0).get("updateId").asText()).isEqualTo("u-1");
        assertThat(recipient.get("updates").get(0).get("sharedAt").asText()).isNotBlank();

        assertThat(expect(200, http().post(erasurePath(), "compliance-cy", erasure))
                        .json())
                .isEqualTo(erased);
        conflict(
                http().post(
                                erasurePath(),
                                "compliance-cy",
                                "{\"erasureId\":\"" + erasureId + "\",\"reason\":\"other\"}"),
                "CLIENT_DATA_ERASED");
        conflict(
                http().post(erasurePath(), "compliance-cy", "{\"erasureId\":\"er-other\",\"reason\":\"ticket 4711\"}"),
                "CLIENT_DATA_ERASED");

        String notified = "/api/v1/compliance/erasures/" + erasureId + "/recipients/boss-bea/notified";
        String body = "{\"clientId\":\"" + CLIENT + "\"}";
        JsonNode told =
                expect(201, http().post(notified, "compliance-cy", body)).json();
        assertThat(told.get("recipientId").asText()).isEqualTo("boss-bea");
        assertThat(expect(200, http().post(notified, "compliance-cy", body)).json())
                .isEqualTo(told);
        expect(404, http().post(notified.replace("boss-bea", "boss-ben"), "compliance-cy", body));

        // the views: erased texts read null and are listed; compliance lists the erasure and who was told
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode client = expect(200, http().get("/api/v1/client/engagements/" + engagementId, CLIENT))
                    .json();
            assertThat(client.get("sessions").get(0).get("notes").isNull()).isTrue();
            assertThat(client.get("erased")).extracting(JsonNode::asText).contains("sessions[s-1].notes");
            assertThat(client.toString()).doesNotContain("talked about the reorg");
            JsonNode erasures = expect(
                            200, http().get("/api/v1/compliance/erasures?clientId=" + CLIENT, "compliance-cy"))
                    .json();
            assertThat(erasures).hasSize(1);
            JsonNode listed = erasures.get(0).get("recipients").get(0);
            assertThat(listed.get("recipientId").asText()).isEqualTo("boss-bea");
            assertThat(listed.get("notified").asBoolean()).isTrue();
        });
        conflict(open(CLIENT, newId("eng")), "CLIENT_DATA_ERASED");
        conflict(logSession(engagementId, "s-3", "after the erasure"), "CLIENT_DATA_ERASED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = expect(200, http().get("/api/v1/compliance/verification", "compliance-cy"))
                    .json();
            assertThat(report.get("verified").asBoolean()).as(report.toString()).isTrue();
        });

        String reauthorisation = "{\"reauthorisationId\":\"re-1\",\"reason\":\"client came back\"}";
        String reauthorise = "/api/v1/clients/" + CLIENT + "/reauthorisation";
        JsonNode reauthorised = expect(201, http().post(reauthorise, "compliance-cy", reauthorisation))
                .json();
        assertThat(expect(200, http().post(reauthorise, "compliance-cy", reauthorisation))
                        .json())
                .isEqualTo(reauthorised);
        expect(201, open(CLIENT, newId("eng")));
    }

    @Test
    default void anUnknownClientIsNotFoundAndOnlyComplianceErases() {
        String erasure = "{\"erasureId\":\"er-1\",\"reason\":\"ticket 1\"}";
        expect(404, http().post("/api/v1/clients/" + newId("nobody") + "/erasure", "compliance-cy", erasure));
        expect(403, http().post("/api/v1/clients/client-cara/erasure", "hr-hana", erasure));
        expect(
                403,
                http().post("/api/v1/engagements/eng-x/legal-hold", "hr-hana", "{\"holdId\":\"h\",\"reason\":\"r\"}"));
        expect(
                404,
                http().post(
                                "/api/v1/engagements/" + newId("none") + "/legal-hold",
                                "compliance-cy",
                                "{\"holdId\":\"h\",\"reason\":\"r\"}"));
        expect(
                409,
                http().post(
                                "/api/v1/clients/" + newId("nobody") + "/reauthorisation",
                                "compliance-cy",
                                "{\"reauthorisationId\":\"re-1\",\"reason\":\"r\"}"));
    }

    @Test
    default void badInputNamesTheField() {
        LedgerHttp.Response noId =
                expect(400, http().post("/api/v1/clients/client-cara/erasure", "compliance-cy", "{\"reason\":\"r\"}"));
        assertThat(noId.body()).contains("erasureId");
        LedgerHttp.Response noClient = expect(
                400,
                http().post("/api/v1/compliance/erasures/er-1/recipients/boss-ben/notified", "compliance-cy", "{}"));
        assertThat(noClient.body()).contains("clientId");
    }

    private String carlsActiveEngagementWithAnUpdateSharedWithHerBoss() {
        registerDemoCoaches();
        String id = newId("eng");
        expect(201, open(CLIENT, id));
        expect(201, http().post(path(id, "shortlist"), "hr-hana", "{\"coachIds\":[\"coach-cole\"]}"));
        expect(201, http().post(path(id, "coach-selection"), CLIENT, "{\"coachId\":\"coach-cole\"}"));
        expect(201, http().post(path(id, "budget-approval"), "boss-bea", """
                {"sessions":4,"amount":4800.00,"currency":"EUR"}"""));
        expect(201, logSession(id, "s-1", "talked about the reorg"));
        expect(201, http().post(path(id, "consents"), CLIENT, """
                {"consentId":"c-1","audience":"BOSS","scopes":["PROGRESS"],"purpose":"quarterly review"}"""));
        expect(201, http().post(path(id, "updates"), "coach-cole", """
                {"updateId":"u-1","audience":"BOSS","scope":"PROGRESS","content":"steady"}"""));
        return id;
    }

    private LedgerHttp.Response open(String clientId, String engagementId) {
        return http().post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"%s","bossId":"boss-bea","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(engagementId, clientId));
    }

    private static String erasurePath() {
        return "/api/v1/clients/" + CLIENT + "/erasure";
    }

    private JsonNode conflict(LedgerHttp.Response response, String reason) {
        expect(409, response);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("reason").asText()).as(response.toString()).isEqualTo(reason);
        return problem;
    }
}
