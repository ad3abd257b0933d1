package coaching.ledger.app.pages;

import coaching.ledger.platform.testing.LedgerHttp;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds engagements for the boss and coach pages through the API (HTTP Basic), as in the README's walk-through:
 * client-cara's engagements with boss-ben, coach-cole and coach-chen shortlisted.
 */
final class BossCoachSeed {

    private final LedgerHttp http;

    BossCoachSeed(LedgerHttp http) {
        this.http = http;
    }

    /** The demo coaches; a 409 means another test registered them with other details, which is as good. */
    void registerCoaches() {
        for (String coach : new String[] {"coach-cole", "coach-chen"}) {
            LedgerHttp.Response response = http.post("/api/v1/coaches", "hr-hana", """
                    {"coachId":"%s","displayName":"%s","certifications":[{"body":"ICF","credential":"PCC","validUntil":"2030-01-01"}],
                     "yearsExperience":10,"specialties":["leadership"]}""".formatted(coach, coach));
            assertThat(response.status()).as(response.toString()).isIn(200, 201, 409);
        }
    }

    /** Opened by hr-hana for client-cara and boss-ben, both demo coaches shortlisted. */
    String shortlisted(String engagementId) {
        registerCoaches();
        expect(201, http.post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(engagementId)));
        expect(
                201,
                http.post(
                        path(engagementId, "shortlist"), "hr-hana", "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        return engagementId;
    }

    /** Shortlisted, and the client selected coach-cole; no budget yet. */
    String selected(String engagementId) {
        shortlisted(engagementId);
        expect(201, http.post(path(engagementId, "coach-selection"), "client-cara", "{\"coachId\":\"coach-cole\"}"));
        return engagementId;
    }

    /** Selected and with boss-ben's budget of 8 sessions: ACTIVE. */
    String active(String engagementId) {
        selected(engagementId);
        expect(
                201,
                http.post(
                        path(engagementId, "budget-approval"),
                        "boss-ben",
                        "{\"sessions\":8,\"amount\":9600.00,\"currency\":\"EUR\"}"));
        return engagementId;
    }

    void grantConsent(String engagementId, String consentId, String audience, String scopes) {
        expect(201, http.post(path(engagementId, "consents"), "client-cara", """
                {"consentId":"%s","audience":"%s","scopes":[%s],"purpose":"quarterly review with my manager"}""".formatted(
                        consentId, audience, scopes)));
    }

    void logSession(String engagementId, String sessionId, String notes) {
        expect(201, http.post(path(engagementId, "sessions"), "coach-cole", """
                {"sessionId":"%s","heldOn":"%s","durationMinutes":60,"notes":"%s"}""".formatted(
                        sessionId, LocalDate.now(ZoneOffset.UTC).minusDays(1), notes)));
    }

    void shareWithBoss(String engagementId, String updateId, String scope, String content) {
        expect(201, http.post(path(engagementId, "updates"), "coach-cole", """
                {"updateId":"%s","audience":"BOSS","scope":"%s","content":"%s"}""".formatted(updateId, scope, content)));
    }

    static String path(String engagementId, String command) {
        return "/api/v1/engagements/" + engagementId + "/" + command;
    }

    static LedgerHttp.Response expect(int status, LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
