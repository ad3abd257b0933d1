package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A compliance officer's verification over HTTP, with and without a kept checkpoint. */
interface VerificationScenarios extends LedgerScenario {

    @Test
    default void anUntouchedLedgerVerifiesAndItsCheckpointHolds() {
        String id = activeEngagement(2);
        grantBossConsent(id, "c-1", "\"PROGRESS\"");
        expect(
                201,
                http().post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"fine\"}"));

        JsonNode report = expect(200, http().get("/api/v1/compliance/verification", "compliance-cy"))
                .json();
        assertThat(report.get("problems")).as(report.toString()).isEmpty();
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(report.get("disclosuresChecked").asLong()).isPositive();
        assertThat(report.get("headHash").asText()).hasSize(64);

        String checkpoint = "/api/v1/compliance/verification?checkpointIndex=%d&checkpointHash=%s"
                .formatted(
                        report.get("headGlobalIndex").asLong(),
                        report.get("headHash").asText());
        expect(201, http().post(path(id, "closure"), "hr-hana", "{\"outcome\":\"COMPLETED\",\"reason\":\"done\"}"));
        JsonNode later = expect(200, http().get(checkpoint, "compliance-cy")).json();
        assertThat(later.get("verified").asBoolean()).as(later.toString()).isTrue();
        assertThat(later.get("headGlobalIndex").asLong())
                .isGreaterThan(report.get("headGlobalIndex").asLong());
    }

    @Test
    default void verificationIsForComplianceWithAWellFormedCheckpoint() {
        expect(403, http().get("/api/v1/compliance/verification", "hr-hana"));
        expect(403, http().get("/api/v1/compliance/verification", "integrator-ivy"));
        LedgerHttp.Response badHash = expect(
                400,
                http().get("/api/v1/compliance/verification?checkpointIndex=3&checkpointHash=xyz", "compliance-cy"));
        assertThat(badHash.json().get("errors").get(0).get("field").asText()).isEqualTo("checkpointHash");
        expect(400, http().get("/api/v1/compliance/verification?checkpointHash=" + "a".repeat(64), "compliance-cy"));
    }
}
