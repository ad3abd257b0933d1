package coaching.ledger.app;

import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.platform.audit.EventChainSealer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision 1 of UpdateConsentGranted (before noticeVersion) as already stored in a ledger: the
 * aggregate still shares under it, the views, the export and the verification read it, as revision 2.
 */
interface SchemaEvolutionScenarios extends LedgerScenario {

    @Test
    default void aStoredRevisionOneConsentIsReadVerifiedAndExportedAsRevisionTwo() {
        registerDemoCoaches();
        String id = newId("rev1");
        String grantEventId = UUID.randomUUID().toString();
        JdbcTemplate jdbc = new JdbcTemplate(context().getBean(DataSource.class));
        store(jdbc, id, 0, UUID.randomUUID().toString(), "selection.EngagementOpened", "1", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","hrId":"hr-hana","purpose":"REMEDIAL","urgency":"LOW"}""", "hr-hana", "HR");
        store(jdbc, id, 1, UUID.randomUUID().toString(), "selection.CoachesShortlisted", "1", """
                {"engagementId":"%s","coachIds":["coach-cole"]}""", "hr-hana", "HR");
        store(jdbc, id, 2, UUID.randomUUID().toString(), "selection.CoachSelected", "1", """
                {"engagementId":"%s","coachId":"coach-cole"}""", "client-cara", "CLIENT");
        store(jdbc, id, 3, UUID.randomUUID().toString(), "selection.BudgetApproved", "1", """
                {"engagementId":"%s","sessions":4,"amount":4000.00,"currency":"EUR"}""", "boss-ben", "BOSS");
        store(jdbc, id, 4, grantEventId, "consent.UpdateConsentGranted", "1", """
                {"engagementId":"%s","consentId":"c-old","clientId":"client-cara","audience":"BOSS","scopes":["PROGRESS"],"validUntil":null,"purpose":"granted long ago"}""", "client-cara", "CLIENT");

        expect(
                201,
                http().post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"under an old consent\"}"));
        UpdateShared shared = (UpdateShared) history(id).get(5).getPayload();
        assertThat(shared.consentGrantEventId()).isEqualTo(grantEventId);
        assertThat(shared.consentGrantSequence()).isEqualTo(4);
        UpdateConsentGranted upcast = (UpdateConsentGranted) history(id).get(4).getPayload();
        assertThat(upcast.noticeVersion()).isNull();
        assertThat(upcast.purpose()).isEqualTo("granted long ago");

        expect(201, http().post(path(id, "consents"), "client-cara", """
                {"consentId":"c-new","audience":"HR","scopes":["OUTCOME"],"purpose":"programme review","noticeVersion":"v3"}"""));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode consents = expect(200, http().get("/api/v1/client/engagements/" + id, "client-cara"))
                    .json()
                    .get("consents");
            assertThat(consents.findValuesAsText("consentId")).containsExactlyInAnyOrder("c-old", "c-new");
            for (JsonNode consent : consents) {
                assertThat(
                                consent.get("noticeVersion").isNull()
                                        ? null
                                        : consent.get("noticeVersion").asText())
                        .isEqualTo(consent.get("consentId").asText().equals("c-old") ? null : "v3");
            }
        });

        context().getBean(EventChainSealer.class).sealAvailable();
        JsonNode report = expect(200, http().get("/api/v1/compliance/verification", "compliance-cy"))
                .json();
        assertThat(report.get("problems")).as(report.toString()).isEmpty();

        JsonNode exported = expect(200, http().get("/api/v1/events?limit=100000", "integrator-ivy"))
                .body()
                .lines()
                .map(SchemaEvolutionScenarios::json)
                .filter(line -> line.get("eventId").asText().equals(grantEventId))
                .findFirst()
                .orElseThrow();
        assertThat(exported.get("revision").asText()).isEqualTo("2");
        assertThat(exported.get("payload").has("noticeVersion")).isTrue();
        assertThat(exported.get("payload").get("noticeVersion").isNull()).isTrue();
    }

    private static void store(
            JdbcTemplate jdbc,
            String engagementId,
            long sequence,
            String eventId,
            String type,
            String revision,
            String payload,
            String actorId,
            String actorRole) {
        jdbc.update(
                "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, 'Engagement', ?, ?, ?, ?, ?)",
                eventId,
                engagementId,
                sequence,
                Instant.now().toString(),
                "coaching.ledger.kernel." + type,
                revision,
                payload.formatted(engagementId).getBytes(StandardCharsets.UTF_8),
                ("{\"actorId\":\"" + actorId + "\",\"actorRole\":\"" + actorRole + "\",\"correlationId\":\"migrated\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
