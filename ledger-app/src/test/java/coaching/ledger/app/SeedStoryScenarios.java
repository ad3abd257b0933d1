package coaching.ledger.app;

import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.platform.testing.LedgerHttp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's walk-through, step by step, with what the event store holds afterwards. */
interface SeedStoryScenarios extends LedgerScenario {

    @Test
    default void theSeedStoryIsRecordedWithWhoDidItAndUnderWhichConsent() {
        registerDemoCoaches();
        String id = newId("seed");
        Map<String, String> correlated = Map.of("X-Correlation-Id", "walkthrough-" + id);

        LedgerHttp.Response opened =
                expect(201, http().post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"HIGH"}""".formatted(id), correlated));
        assertThat(opened.json().get("engagementId").asText()).isEqualTo(id);
        assertThat(opened.json().get("version").asLong()).isZero();
        assertThat(opened.header("X-Correlation-Id")).isEqualTo("walkthrough-" + id);

        expect(201, http().post(path(id, "shortlist"), "hr-hana", "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        expect(201, http().post(path(id, "coach-selection"), "client-cara", "{\"coachId\":\"coach-cole\"}"));
        expect(
                201,
                http().post(
                                path(id, "budget-approval"),
                                "boss-ben",
                                "{\"sessions\":8,\"amount\":9600,\"currency\":\"EUR\"}"));
        LedgerHttp.Response session = expect(201, logSession(id, "s-1", "talked about the reorg"));
        assertThat(session.json().get("sessionId").asText()).isEqualTo("s-1");
        assertThat(session.json().get("version").asLong()).isEqualTo(4);
        expect(201, grantBossConsent(id, "c-1", "\"PROGRESS\",\"ATTENDANCE\""));

        LedgerHttp.Response shared = expect(
                201,
                http().post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"steady progress\"}"));
        assertThat(shared.json().get("version").asLong()).isEqualTo(6);

        LedgerHttp.Response refused = expect(
                403,
                http().post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-2\",\"audience\":\"HR\",\"scope\":\"PROGRESS\",\"content\":\"not for HR\"}"));
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("reason").asText()).isEqualTo("AUDIENCE_NOT_COVERED");

        assertThat(eventTypes(id))
                .containsExactly(
                        "EngagementOpened",
                        "CoachesShortlisted",
                        "CoachSelected",
                        "BudgetApproved",
                        "SessionLogged",
                        "UpdateConsentGranted",
                        "UpdateShared",
                        "DisclosureRefused");

        List<? extends DomainEventMessage<?>> history = history(id);
        Map<String, String> actors = Map.of(
                "EngagementOpened",
                "hr-hana",
                "CoachesShortlisted",
                "hr-hana",
                "CoachSelected",
                "client-cara",
                "BudgetApproved",
                "boss-ben",
                "SessionLogged",
                "coach-cole",
                "UpdateConsentGranted",
                "client-cara",
                "UpdateShared",
                "coach-cole",
                "DisclosureRefused",
                "coach-cole");
        for (DomainEventMessage<?> event : history) {
            String type = event.getPayloadType().getSimpleName();
            assertThat(event.getMetaData().get("actorId")).as(type).isEqualTo(actors.get(type));
            assertThat(event.getMetaData().get("actorRole")).as(type).isNotNull();
            assertThat(event.getMetaData().get("correlationId")).as(type).isNotNull();
        }
        assertThat(history.get(0).getMetaData().get("correlationId")).isEqualTo("walkthrough-" + id);
        assertThat(history.get(0).getMetaData().get("actorRole")).isEqualTo("HR");

        DomainEventMessage<?> grant = history.get(5);
        UpdateShared update = (UpdateShared) history.get(6).getPayload();
        assertThat(grant.getPayload()).isInstanceOf(UpdateConsentGranted.class);
        assertThat(update.consentId()).isEqualTo("c-1");
        assertThat(update.consentGrantEventId()).isEqualTo(grant.getIdentifier());
        assertThat(update.consentGrantSequence()).isEqualTo(grant.getSequenceNumber());
        assertThat(update.recipientId()).isEqualTo("boss-ben");
        assertThat(update.purpose()).isEqualTo("quarterly review with my manager");

        DisclosureRefused refusal = (DisclosureRefused) history.get(7).getPayload();
        assertThat(refusal.reason()).isEqualTo(RefusalReason.AUDIENCE_NOT_COVERED);
        assertThat(refusal.toString()).doesNotContain("not for HR");
    }

    @Test
    default void aRetryIsAnsweredAsTheFirstTimeAndRecordsNothingNew() {
        String id = activeEngagement(4);
        grantBossConsent(id, "c-1", "\"PROGRESS\"");
        String update = "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"on track\"}";
        LedgerHttp.Response first = expect(201, http().post(path(id, "updates"), "coach-cole", update));
        LedgerHttp.Response retry = expect(200, http().post(path(id, "updates"), "coach-cole", update));
        assertThat(retry.json()).isEqualTo(first.json());

        expect(
                409,
                http().post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"something else\"}"));
        expect(200, http().post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(id)));
        expect(409, http().post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-carl","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(id)));
        assertThat(eventTypes(id)).filteredOn("UpdateShared"::equals).hasSize(1);
        assertThat(eventTypes(id)).filteredOn("EngagementOpened"::equals).hasSize(1);
    }

    @Test
    default void sessionsBeyondTheBudgetAndAfterClosureAreConflicts() {
        String id = activeEngagement(1);
        expect(201, logSession(id, "s-1", "first"));
        expect(409, logSession(id, "s-2", "second"));
        expect(
                201,
                http().post(path(id, "closure"), "boss-ben", "{\"outcome\":\"COMPLETED\",\"reason\":\"goals met\"}"));
        LedgerHttp.Response afterClose = expect(
                403,
                http().post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"late\",\"audience\":\"BOSS\",\"scope\":\"OUTCOME\",\"content\":\"too late\"}"));
        assertThat(afterClose.json().get("reason").asText()).isEqualTo("ENGAGEMENT_CLOSED");
    }
}
