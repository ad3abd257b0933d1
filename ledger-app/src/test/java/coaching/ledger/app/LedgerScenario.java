package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every scenario needs from the running ledger, and the steps of the seed story. */
interface LedgerScenario {

    LedgerHttp http();

    ApplicationContext context();

    /** The engagement's (or coach stream's) events in its own order, straight from the event store. */
    List<? extends DomainEventMessage<?>> history(String aggregateId);

    String newId(String prefix);

    default void registerDemoCoaches() {
        for (String coach : List.of("coach-cole", "coach-chen")) {
            LedgerHttp.Response response = http().post("/api/v1/coaches", "hr-hana", """
                    {"coachId":"%s","displayName":"%s","certifications":[{"body":"ICF","credential":"PCC","validUntil":"2030-01-01"}],
                     "yearsExperience":10,"specialties":["leadership"]}""".formatted(coach, coach));
            assertThat(response.status()).as(response.toString()).isIn(200, 201);
        }
    }

    /** Opens an engagement of client-cara and boss-ben, shortlists both demo coaches, selects coach-cole. */
    default String activeEngagement(int sessions) {
        registerDemoCoaches();
        String engagementId = newId("eng");
        expect(201, http().post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(engagementId)));
        expect(
                201,
                http().post(
                                path(engagementId, "shortlist"),
                                "hr-hana",
                                "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        expect(201, http().post(path(engagementId, "coach-selection"), "client-cara", "{\"coachId\":\"coach-cole\"}"));
        expect(
                201,
                http().post(
                                path(engagementId, "budget-approval"),
                                "boss-ben",
                                "{\"sessions\":%d,\"amount\":12000.00,\"currency\":\"EUR\"}".formatted(sessions)));
        return engagementId;
    }

    default LedgerHttp.Response grantBossConsent(String engagementId, String consentId, String scopes) {
        return expect(
                201, http().post(path(engagementId, "consents"), "client-cara", """
                {"consentId":"%s","audience":"BOSS","scopes":[%s],"purpose":"quarterly review with my manager"}""".formatted(consentId, scopes)));
    }

    default LedgerHttp.Response logSession(String engagementId, String sessionId, String notes) {
        return http().post(path(engagementId, "sessions"), "coach-cole", """
                {"sessionId":"%s","heldOn":"%s","durationMinutes":60,"notes":"%s"}""".formatted(
                        sessionId, LocalDate.now().minusDays(1), notes));
    }

    default String path(String engagementId, String action) {
        return "/api/v1/engagements/" + engagementId + "/" + action;
    }

    default LedgerHttp.Response expect(int status, LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    default List<String> eventTypes(String aggregateId) {
        return history(aggregateId).stream()
                .map(event -> event.getPayloadType().getSimpleName())
                .toList();
    }
}
