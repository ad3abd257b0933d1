package coaching.ledger.query.compliance;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.erasure.ErasureRecipientNotified;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: erasures and legal holds over HTTP, for compliance only; run on H2 and on PostgreSQL by the subclasses. */
abstract class ErasuresHttpTest extends QuerySideHttpTest {

    private static final String ERASURES = "/api/v1/compliance/erasures";
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    ErasuresHttpTest() {
        super(ViewVersion.lastHandledBy(ComplianceProjection.class));
    }

    @Test
    void complianceSeesEachErasureWithItsRecipientsAndWhetherTheyWereNotified() {
        String clientId = newEngagementId("client");
        String erasureId = newEngagementId("erasure");
        append(events.client(
                clientId,
                Step.of(
                        EngagementStory.COMPLIANCE,
                        new ClientDataErased(
                                clientId, erasureId, "ticket DPO-7", "compliance-cy", AT, List.of("eng-x"), 1, 2))));
        append(events.client(
                clientId,
                Step.of(
                        EngagementStory.COMPLIANCE,
                        new ErasureNotificationDue(
                                clientId,
                                erasureId,
                                "boss-ben",
                                Role.BOSS,
                                List.of(new DisclosedUpdate("eng-x", "update-boss", AT.minusSeconds(3600)))))));
        append(events.client(
                clientId,
                Step.of(
                        EngagementStory.COMPLIANCE,
                        new ErasureRecipientNotified(clientId, erasureId, "boss-ben", "compliance-cy", AT))));

        JsonNode erasures = awaitJson(
                ERASURES + "?clientId=" + clientId,
                "compliance-cy",
                answer -> answer.size() == 1
                        && answer.get(0)
                                .path("recipients")
                                .path(0)
                                .path("notified")
                                .asBoolean());

        JsonNode erasure = erasures.get(0);
        assertThat(erasure.path("erasureId").asText()).isEqualTo(erasureId);
        assertThat(erasure.path("reason").asText()).isEqualTo("ticket DPO-7");
        assertThat(erasure.path("erasedAt").asText()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(erasure.path("engagementIds").toString()).isEqualTo("[\"eng-x\"]");
        assertThat(erasure.path("legacyPlaintextFields").asInt()).isEqualTo(2);
        JsonNode boss = erasure.path("recipients").get(0);
        assertThat(boss.path("recipientId").asText()).isEqualTo("boss-ben");
        assertThat(boss.path("role").asText()).isEqualTo("BOSS");
        assertThat(boss.path("updates").get(0).path("updateId").asText()).isEqualTo("update-boss");
        assertThat(boss.path("notifiedBy").asText()).isEqualTo("compliance-cy");
        assertThat(http.get(ERASURES, "compliance-cy").json().toString()).contains(erasureId);
        assertThat(http.get(ERASURES + "?clientId=" + newEngagementId("nobody"), "compliance-cy")
                        .json())
                .isEmpty();
    }

    @Test
    void complianceSeesAnEngagementsLegalHolds() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("held")));
        append(
                story.engagementId(),
                List.of(Step.of(
                        EngagementStory.COMPLIANCE,
                        new LegalHoldPlaced(story.engagementId(), "hold-1", "case 114", "compliance-cy", AT))));

        JsonNode ledger = awaitJson(
                "/api/v1/compliance/disclosures?engagementId=" + story.engagementId(),
                "compliance-cy",
                showsVersion(story.engagementId()));

        JsonNode hold = ledger.get(0).path("legalHolds").get(0);
        assertThat(hold.path("holdId").asText()).isEqualTo("hold-1");
        assertThat(hold.path("reason").asText()).isEqualTo("case 114");
        assertThat(hold.path("releasedAt").isNull()).isTrue();
    }

    @Test
    void aClientIdOfTheWrongShapeIsABadRequest() {
        var response = http.get(ERASURES + "?clientId=no*such", "compliance-cy");

        assertStatus(response, 400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("clientId");
    }

    @Test
    void onlyComplianceMayReadErasures() {
        for (String user : new String[] {"hr-hana", "boss-ben", "client-cara", "coach-cole", "integrator-ivy"}) {
            assertStatus(http.get(ERASURES, user), 403);
        }
        assertStatus(http.get(ERASURES, null), 401);
    }
}
