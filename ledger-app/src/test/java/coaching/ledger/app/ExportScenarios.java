package coaching.ledger.app;

import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The NDJSON export: ascending, resumable, redacted, for integrators and compliance only. */
interface ExportScenarios extends LedgerScenario {

    @Test
    default void theExportIsAscendingResumableAndRedacted() {
        String id = activeEngagement(3);
        String notesMarker = "NOTES-" + newId("m");
        String contentMarker = "CONTENT-" + newId("m");
        String commentMarker = "COMMENT-" + newId("m");
        String messageMarker = "MESSAGE-" + newId("m");
        String revocationMarker = "REVOCATION-" + newId("m");
        String closureMarker = "CLOSURE-" + newId("m");
        expect(201, logSession(id, "s-1", notesMarker));
        grantBossConsent(id, "c-1", "\"PROGRESS\"");
        expect(201, http().post(path(id, "updates"), "coach-cole", """
                {"updateId":"u-1","audience":"BOSS","scope":"PROGRESS","content":"%s"}""".formatted(contentMarker)));
        expect(201, http().post(path(id, "satisfaction"), "client-cara", """
                {"score":5,"comment":"%s"}""".formatted(commentMarker)));
        expect(201, http().post(path(id, "update-requests"), "boss-ben", """
                {"requestId":"r-1","scope":"PROGRESS","message":"%s"}""".formatted(messageMarker)));
        expect(201, http().post(path(id, "consents/c-1/revocation"), "client-cara", """
                {"reason":"%s"}""".formatted(revocationMarker)));
        expect(201, http().post(path(id, "closure"), "hr-hana", """
                {"outcome":"COMPLETED","reason":"%s"}""".formatted(closureMarker)));
        context().getBean(EventChainSealer.class).sealAvailable();

        LedgerHttp.Response all = expect(200, http().get("/api/v1/events?limit=100000", "integrator-ivy"));
        assertThat(all.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(all.body())
                .doesNotContain(
                        notesMarker, contentMarker, commentMarker, messageMarker, revocationMarker, closureMarker);
        List<JsonNode> lines = lines(all.body());
        assertThat(lines)
                .extracting(line -> line.get("globalIndex").asLong())
                .isSorted()
                .doesNotHaveDuplicates();

        List<JsonNode> engagement = lines.stream()
                .filter(line -> line.get("aggregateId").asText().equals(id))
                .toList();
        assertThat(engagement)
                .extracting(line -> line.get("type").asText())
                .containsExactly(
                        "EngagementOpened",
                        "CoachesShortlisted",
                        "CoachSelected",
                        "BudgetApproved",
                        "SessionLogged",
                        "UpdateConsentGranted",
                        "UpdateShared",
                        "SatisfactionRecorded",
                        "UpdateRequested",
                        "UpdateConsentRevoked",
                        "EngagementClosed");
        Map<String, String> redactedByType = Map.of(
                "SessionLogged",
                "notes",
                "UpdateShared",
                "content",
                "SatisfactionRecorded",
                "comment",
                "UpdateRequested",
                "message",
                "UpdateConsentRevoked",
                "reason",
                "EngagementClosed",
                "reason");
        for (JsonNode line : engagement) {
            String field = redactedByType.get(line.get("type").asText());
            assertThat(line.get("redacted"))
                    .as(line.get("type").asText())
                    .containsExactlyElementsOf(
                            field == null ? List.of() : List.of(TextNode.valueOf("payload." + field)));
            if (field != null) {
                assertThat(line.get("payload").get(field).isNull())
                        .as(line.get("type").asText())
                        .isTrue();
            }
        }
        assertThat(engagement.get(5).get("payload").get("purpose").asText())
                .as("a consent's purpose is exported")
                .isNotBlank();
        JsonNode session = engagement.get(4);
        assertThat(session.get("payload").get("notes").isNull()).isTrue();
        assertThat(session.get("redacted").get(0).asText()).isEqualTo("payload.notes");
        assertThat(session.get("metadata").get("actorId").asText()).isEqualTo("coach-cole");
        assertThat(session.get("sequence").asLong()).isEqualTo(4);
        assertThat(session.get("revision").asText()).isNotBlank();
        assertThat(session.get("eventId").asText()).isNotBlank();
        assertThat(session.get("timestamp").asText()).endsWith("Z");
        assertThat(engagement.get(6).get("payload").get("consentId").asText()).isEqualTo("c-1");

        long resumeAfter = engagement.get(3).get("globalIndex").asLong();
        List<JsonNode> rest =
                lines(expect(200, http().get("/api/v1/events?limit=100000&after=" + resumeAfter, "compliance-cy"))
                        .body());
        assertThat(rest)
                .extracting(line -> line.get("globalIndex").asLong())
                .containsExactlyElementsOf(lines.stream()
                        .map(line -> line.get("globalIndex").asLong())
                        .filter(index -> index > resumeAfter)
                        .toList());
        assertThat(lines(expect(200, http().get("/api/v1/events?limit=2&after=" + resumeAfter, "integrator-ivy"))
                        .body()))
                .hasSize(2);
    }

    /** Issue 14: each line of an erased client's engagement names its confidential fields under erased. */
    @Test
    default void theLinesOfAnErasedClientsEngagementNameItsConfidentialFieldsErased() {
        String erased = activeEngagement(3);
        String kept = activeEngagement(3);
        expect(201, logSession(erased, "s-1", "NOTES-" + newId("m")));
        expect(201, logSession(kept, "s-1", "NOTES-" + newId("m")));
        // what the compliance view records of an erasure that covered the engagement
        context()
                .getBean(JdbcClient.class)
                .sql("INSERT INTO erased_engagement (engagement_id, client_id, erasure_id) VALUES (?, ?, ?)")
                .params(erased, "client-cara", newId("erasure"))
                .update();
        context().getBean(EventChainSealer.class).sealAvailable();

        List<JsonNode> lines = lines(expect(200, http().get("/api/v1/events?limit=100000", "integrator-ivy"))
                .body());

        for (JsonNode line : lines) {
            String type = line.get("type").asText();
            String aggregate = line.get("aggregateId").asText();
            if (aggregate.equals(erased) && type.equals("SessionLogged")) {
                assertThat(line.get("erased")).containsExactly(TextNode.valueOf("payload.notes"));
            } else if (aggregate.equals(erased) || aggregate.equals(kept)) {
                assertThat(line.get("erased")).as(aggregate + " " + type).isEmpty();
            }
        }
        assertThat(lines)
                .filteredOn(line -> line.get("aggregateId").asText().equals(erased)
                        && line.get("type").asText().equals("SessionLogged"))
                .hasSize(1);
    }

    @Test
    default void theExportIsForIntegratorsAndComplianceWithValidParameters() {
        expect(403, http().get("/api/v1/events", "hr-hana"));
        expect(403, http().get("/api/v1/events", "boss-ben"));
        expect(401, http().get("/api/v1/events", null));
        expect(400, http().get("/api/v1/events?after=-1", "integrator-ivy"));
        expect(400, http().get("/api/v1/events?limit=0", "integrator-ivy"));
        expect(400, http().get("/api/v1/events?after=abc", "integrator-ivy"));
    }

    private static List<JsonNode> lines(String ndjson) {
        ObjectMapper json = new ObjectMapper();
        return ndjson.lines()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
