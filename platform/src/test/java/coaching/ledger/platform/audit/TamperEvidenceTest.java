package coaching.ledger.platform.audit;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.audit.VerificationReport.Kind;
import coaching.ledger.platform.audit.VerificationReport.Problem;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of tampering, done with SQL straight on the tables, is reported at the event where it
 * happened. Concrete subclasses run it on H2 and on PostgreSQL.
 */
@ActiveProfiles("demo")
@SpringBootTest(classes = AuditTestApplication.class, properties = "ledger.chain.sealer.enabled=false")
abstract class TamperEvidenceTest {

    private static final MetaData COACH = MetaData.from(Map.of("actorId", "coach-cole", "actorRole", "COACH"));

    @Autowired
    private EventStore eventStore;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private LedgerVerifier verifier;

    private EventChainSealer sealer;
    private String grantId;

    /**
     * Every test starts with an empty store; identity columns keep counting, so seal over the gap at
     * once, and forget it: it is left by the reset, not by this store's history.
     */
    @BeforeEach
    void storeAndSealAStory() {
        jdbc.update("DELETE FROM event_chain_gap");
        jdbc.update("DELETE FROM event_chain");
        jdbc.update("DELETE FROM DomainEventEntry");
        jdbc.update("UPDATE event_chain_head SET lastIndex = 0, lastHash = ?", ChainHash.GENESIS);
        sealer = new EventChainSealer(jdbc, transactionManager, Duration.ofMillis(50), Duration.ZERO, 3);

        append(
                "eng-a",
                0,
                new EngagementOpened(
                        "eng-a", "client-cara", "boss-ben", "hr-hana", Purpose.DEVELOPMENTAL, Urgency.LOW));
        append(
                "eng-b",
                0,
                new EngagementOpened("eng-b", "client-carl", "boss-bea", "hr-hana", Purpose.REMEDIAL, Urgency.HIGH));
        DomainEventMessage<?> grant = append(
                "eng-a",
                1,
                new UpdateConsentGranted(
                        "eng-a",
                        "c-1",
                        "client-cara",
                        Audience.BOSS,
                        EnumSet.of(Scope.PROGRESS),
                        null,
                        "quarterly review",
                        "2026-11"));
        grantId = grant.getIdentifier();
        append("eng-b", 1, new SessionLogged("eng-b", "s-1", "coach-chen", LocalDate.of(2026, 11, 2), 60, "private"));
        append("eng-a", 2, shared("u-1"));
        append("eng-a", 3, new UpdateConsentRevoked("eng-a", "c-1", "changed my mind"));
        append("eng-b", 2, new SessionLogged("eng-b", "s-2", "coach-chen", LocalDate.of(2026, 11, 9), 60, "private"));
        assertThat(sealer.sealAvailable()).isEqualTo(7);
        jdbc.update("DELETE FROM event_chain_gap");
        assertThat(verifier.verify(null).problems()).isEmpty();
    }

    @Test
    void anUntouchedStoreVerifiesCleanAndGivesACheckpoint() {
        VerificationReport report = verifier.verify(null);
        assertThat(report.verified()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(7);
        assertThat(report.disclosuresChecked()).isEqualTo(1);
        assertThat(report.headGlobalIndex()).isEqualTo(index("eng-b", 2));
        assertThat(report.headHash()).hasSize(64);
        VerificationReport again =
                verifier.verify(new LedgerVerifier.Checkpoint(report.headGlobalIndex(), report.headHash()));
        assertThat(again.problems()).isEmpty();
    }

    @Test
    void aChangedPayloadByteIsReportedAtItsEvent() {
        long target = index("eng-b", 1);
        jdbc.update(
                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                payload(target).replace("private", "PRIVATE").getBytes(),
                target);
        assertThat(problems()).containsExactly(problem(target, Kind.ALTERED));
    }

    @Test
    void aChangedMetadataByteIsReportedAtItsEvent() {
        long target = index("eng-a", 2);
        jdbc.update(
                "UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                "{\"actorId\":\"coach-chen\",\"actorRole\":\"COACH\"}".getBytes(),
                target);
        assertThat(problems()).containsExactly(problem(target, Kind.ALTERED));
    }

    @Test
    void aDeletedEventIsReportedWhereItWas() {
        long target = index("eng-b", 1);
        long next = index("eng-b", 2);
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", target);
        assertThat(problems()).containsExactly(problem(target, Kind.DELETED), problem(next, Kind.STREAM_BROKEN));
    }

    @Test
    void anEventDeletedTogetherWithItsLinkIsStillFound() {
        long target = index("eng-b", 1);
        long after = index("eng-a", 2);
        jdbc.update("DELETE FROM event_chain WHERE globalIndex = ?", target);
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", target);
        assertThat(problems())
                .containsExactly(
                        problem(after, Kind.DELETED),
                        problem(after, Kind.CHAIN_BROKEN),
                        problem(index("eng-b", 2), Kind.STREAM_BROKEN));
    }

    @Test
    void reorderedEventsAreReportedAtBothPositions() {
        long first = index("eng-b", 1);
        long second = index("eng-a", 2);
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = -1 WHERE globalIndex = ?", first);
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", first, second);
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = -1", second);
        assertThat(problems()).containsExactly(problem(first, Kind.REORDERED), problem(second, Kind.REORDERED));
    }

    @Test
    void aForgedEventInsideTheSealedHistoryIsReported() {
        long forged = index("eng-a", 0) - 1;
        jdbc.update(
                "INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                        + " timeStamp, payloadType, payloadRevision, payload, metaData) SELECT ?, 'forged-1', 'eng-b', 3, type,"
                        + " timeStamp, payloadType, payloadRevision, payload, metaData FROM DomainEventEntry WHERE globalIndex = ?",
                forged,
                index("eng-b", 2));
        assertThat(problems()).contains(problem(forged, Kind.INSERTED));
    }

    @Test
    void cuttingOffTheNewestEventsIsCaughtByAnAuditorsCheckpoint() {
        VerificationReport before = verifier.verify(null);
        long last = before.headGlobalIndex();
        jdbc.update("DELETE FROM event_chain WHERE globalIndex = ?", last);
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", last);
        jdbc.update("UPDATE event_chain_head SET lastIndex = ?", index("eng-a", 3));
        assertThat(verifier.verify(null).problems())
                .as("without a checkpoint a clean cut looks whole")
                .isEmpty();
        assertThat(verifier.verify(new LedgerVerifier.Checkpoint(last, before.headHash()))
                        .problems())
                .extracting(Problem::kind)
                .containsExactly(Kind.TRUNCATED);
    }

    @Test
    void rewrittenHistoryIsCaughtByAnAuditorsCheckpoint() {
        VerificationReport before = verifier.verify(null);
        long target = index("eng-b", 1);
        jdbc.update(
                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                payload(target).replace("private", "rewrite").getBytes(),
                target);
        jdbc.update("DELETE FROM event_chain");
        jdbc.update("UPDATE event_chain_head SET lastIndex = 0, lastHash = ?", ChainHash.GENESIS);
        sealer.sealAvailable();
        assertThat(verifier.verify(null).problems())
                .as("a consistently re-sealed chain looks whole")
                .isEmpty();
        assertThat(verifier.verify(new LedgerVerifier.Checkpoint(before.headGlobalIndex(), before.headHash()))
                        .problems())
                .extracting(Problem::kind)
                .containsExactly(Kind.CHECKPOINT_MISMATCH);
    }

    @Test
    void aForgedDisclosureAfterTheRevocationIsReportedAsUnbacked() {
        long forged = index("eng-b", 2) + 1;
        jdbc.update(
                "INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                        + " timeStamp, payloadType, payloadRevision, payload, metaData) SELECT ?, 'forged-share', 'eng-a', 4,"
                        + " type, ?, payloadType, payloadRevision, payload, metaData FROM DomainEventEntry WHERE globalIndex = ?",
                forged,
                Instant.now().toString(),
                index("eng-a", 2));
        sealer.sealAvailable();
        assertThat(problems()).containsExactly(problem(forged, Kind.UNBACKED_DISCLOSURE));
        assertThat(verifier.verify(null).problems().get(0).detail()).contains("revoked");
    }

    private List<Problem> problems() {
        return verifier.verify(null).problems().stream()
                .map(p -> new Problem(p.globalIndex(), null, p.kind(), null))
                .toList();
    }

    private static Problem problem(long globalIndex, Kind kind) {
        return new Problem(globalIndex, null, kind, null);
    }

    private UpdateShared shared(String updateId) {
        return new UpdateShared(
                "eng-a",
                updateId,
                Audience.BOSS,
                Scope.PROGRESS,
                "on track",
                "boss-ben",
                "coach-cole",
                Instant.now(),
                "c-1",
                "quarterly review",
                grantId,
                1);
    }

    private DomainEventMessage<?> append(String engagementId, long sequence, Object payload) {
        DomainEventMessage<?> event =
                new GenericDomainEventMessage<>("Engagement", engagementId, sequence, payload, COACH);
        eventStore.publish(event);
        return event;
    }

    private long index(String engagementId, long sequence) {
        return jdbc.queryForObject(
                "SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                Long.class,
                engagementId,
                sequence);
    }

    private String payload(long globalIndex) {
        return new String(jdbc.queryForObject(
                "SELECT payload FROM DomainEventEntry WHERE globalIndex = ?", byte[].class, globalIndex));
    }
}
