package coaching.ledger.app;

import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.platform.testing.HeldAppend;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit that arrives late, end to end: an event inserted in a JDBC transaction that stays open
 * (it has taken its global index) while commands append after it, committed after 12 s. The old
 * sealer gave such a gap up after 10 s by the writer's timestamp (a false INSERTED, skipped by the
 * export) while the views waited 60 s; with the one rule (60 s by the database's clock) it is sealed
 * in order, exported, applied by the views, and verification is clean.
 */
interface LateCommitScenarios extends LedgerScenario {

    Duration HELD = Duration.ofSeconds(12);

    @Test
    default void aCommitLaterThanTheOldTenSecondsIsSealedInOrderExportedAppliedAndVerified() throws Exception {
        JdbcTemplate jdbc = context().getBean(JdbcTemplate.class);
        String lateId = newId("eng-late");
        String lateEventId;
        long lateIndex;
        try (HeldAppend late = new HeldAppend(
                context().getBean(DataSource.class),
                context().getBean("eventSerializer", Serializer.class),
                lateId,
                0,
                new EngagementOpened(lateId, "client-cara", "boss-ben", "hr-hana", Purpose.DEVELOPMENTAL, Urgency.LOW),
                Map.of("actorId", "hr-hana", "actorRole", "HR"))) {
            long start = System.nanoTime();
            lateEventId = late.eventId();
            lateIndex = late.globalIndex();
            String after = activeEngagement(1);
            long afterIndex = jdbc.queryForObject(
                    "SELECT MIN(globalIndex) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, after);
            assertThat(afterIndex).as("commands appended after the held index").isGreaterThan(lateIndex);
            Thread.sleep(Math.max(0, HELD.toMillis() - (System.nanoTime() - start) / 1_000_000));
            assertThat(sealedHead(jdbc))
                    .as("the sealer still waits at the held position")
                    .isLessThan(lateIndex);
            late.commit();
        }

        await("sealed", () -> sealedHead(jdbc) > lateIndex);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_chain WHERE globalIndex = ?", Long.class, lateIndex))
                .as("sealed in its place")
                .isEqualTo(1);
        List<JsonNode> exported = expect(
                        200, http().get("/api/v1/events?limit=5&after=" + (lateIndex - 1), "integrator-ivy"))
                .body()
                .lines()
                .map(LateCommitScenarios::json)
                .toList();
        assertThat(exported.get(0).get("eventId").asText())
                .as("exported in order")
                .isEqualTo(lateEventId);
        assertThat(exported.get(0).get("globalIndex").asLong()).isEqualTo(lateIndex);
        await(
                "applied by the HR view",
                () -> http().get("/api/v1/hr/engagements?engagementId=" + lateId, "hr-hana")
                        .body()
                        .contains(lateId));
        JsonNode report = expect(200, http().get("/api/v1/compliance/verification", "compliance-cy"))
                .json();
        assertThat(report.get("problems")).as(report.toString()).isEmpty();
        assertThat(report.get("verified").asBoolean()).isTrue();
        System.out.printf(
                "late commit after %s (old sealer rule: 10 s): sealed in order at %d, exported, in the HR view,"
                        + " verified%n",
                HELD, lateIndex);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sealedHead(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT lastIndex FROM event_chain_head WHERE id = 1", Long.class);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
