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
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.NoteSigner;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each kind of tampering, done with SQL straight on the tables, is reported at the event where it
 * happened. Concrete subclasses run it on H2 and on PostgreSQL.
 */
@ActiveProfiles("demo")
@SpringBootTest(classes = AuditTestApplication.class, properties = "ledger.chain.sealer.enabled=false")
abstract class TamperEvidenceTest {

    private static final MetaData COACH = MetaData.from(Map.of("actorId", "coach-cole", "actorRole", "COACH"));
    private static final MetaData CARA = MetaData.from(Map.of("actorId", "client-cara", "actorRole", "CLIENT"));

    /** A value of a JSON field: a string, null, an integer or a flat list. */
    private static final Pattern JSON_VALUE = Pattern.compile(":(\"[^\"]*\"|null|-?\\d+|\\[[^\\]]*\\])");

    private static final List<String> OTHER_VALUES =
            List.of("1", "-1", "1e999", "null", "[]", "{}", "\"\"", "true", "\"2026-13-45T00:00:00Z\"", "[1]");

    @Autowired
    private EventStore eventStore;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private LogTree tree;

    @Autowired
    private CheckpointLog checkpointLog;

    @Autowired
    private DataSource dataSource;

    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    private ObjectMapper json;

    @TempDir
    private Path publishDir;

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
        AuditTables.empty(jdbc);
        sealer = new EventChainSealer(jdbc, transactionManager, tree, Duration.ofMillis(50), Duration.ZERO, 3);

        append(
                "eng-a",
                0,
                new EngagementOpened(
                        "eng-a", "client-cara", "boss-ben", "hr-hana", Purpose.DEVELOPMENTAL, Urgency.LOW));
        append(
                "eng-b",
                0,
                new EngagementOpened("eng-b", "client-carl", "boss-bea", "hr-hana", Purpose.REMEDIAL, Urgency.HIGH));
        grantId = append("eng-a", 1, grant("eng-a", "client-cara"), CARA).getIdentifier();
        append("eng-b", 1, new SessionLogged("eng-b", "s-1", "coach-chen", LocalDate.of(2026, 11, 2), 60, "private"));
        append("eng-a", 2, shared());
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
        assertThat(problems()).containsExactly(problem(target, Kind.ALTERED), treeMismatch());
    }

    @Test
    void aChangedMetadataByteIsReportedAtItsEvent() {
        long target = index("eng-a", 2);
        jdbc.update(
                "UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                "{\"actorId\":\"coach-chen\",\"actorRole\":\"COACH\"}".getBytes(),
                target);
        assertThat(problems()).containsExactly(problem(target, Kind.ALTERED), treeMismatch());
    }

    @Test
    void aDeletedEventIsReportedWhereItWas() {
        long target = index("eng-b", 1);
        long next = index("eng-b", 2);
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", target);
        assertThat(problems())
                .containsExactly(problem(target, Kind.DELETED), problem(next, Kind.STREAM_BROKEN), treeMismatch());
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
                        problem(index("eng-b", 2), Kind.STREAM_BROKEN),
                        treeMismatch());
    }

    @Test
    void reorderedEventsAreReportedAtBothPositions() {
        long first = index("eng-b", 1);
        long second = index("eng-a", 2);
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = -1 WHERE globalIndex = ?", first);
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", first, second);
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = -1", second);
        assertThat(problems())
                .containsExactly(problem(first, Kind.REORDERED), problem(second, Kind.REORDERED), treeMismatch());
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
        long newLast = index("eng-a", 3);
        jdbc.update(
                "UPDATE event_chain_head SET lastIndex = ?, lastHash = (SELECT chainHash FROM event_chain WHERE globalIndex = ?)",
                newLast,
                newLast);
        assertThat(problems())
                .as("the stored tree still has the cut leaf")
                .contains(problem(newLast, Kind.TREE_MISMATCH));
        rebuildTree();
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
        resealEverything();
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

    @Test
    void aRewoundHeadIsReportedAndEveryEventIsStillChecked() {
        jdbc.update("UPDATE event_chain_head SET lastIndex = 0");
        VerificationReport report = verifier.verify(null);
        assertThat(report.verified()).isFalse();
        assertThat(report.eventsChecked()).isEqualTo(7);
        assertThat(report.unsealedEvents()).isZero();
        assertThat(report.disclosuresChecked()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.HEAD_MISMATCH);
            assertThat(problem.globalIndex()).isZero();
            assertThat(problem.detail()).contains("behind");
        });
    }

    @Test
    void aHeadAheadOfTheSealedRowsIsReported() {
        long beyond = index("eng-b", 2) + 5;
        jdbc.update("UPDATE event_chain_head SET lastIndex = ?", beyond);
        assertThat(problems()).containsExactly(problem(beyond, Kind.HEAD_MISMATCH));
        assertThat(verifier.verify(null).problems().get(0).detail()).contains("ahead");
    }

    @Test
    void aHeadHashThatIsNotTheLastChainHashIsReported() {
        jdbc.update("UPDATE event_chain_head SET lastHash = ?", ChainHash.GENESIS);
        assertThat(problems()).containsExactly(problem(index("eng-b", 2), Kind.HEAD_MISMATCH));
    }

    /**
     * Chain rows deleted beyond a consistently rewound head leave their events unsealed: counted, and no problem
     * while they are young (the sealer is off here), reported as UNSEALED once older than the gap timeout allows.
     */
    @Test
    void eventsUnsealedByDeletingTheirLinksAreReportedOnceTheGapRuleWouldHaveSealedThem() {
        long rewoundTo = index("eng-a", 2);
        jdbc.update(
                "UPDATE event_chain_head SET lastIndex = ?, lastHash = (SELECT chainHash FROM event_chain WHERE globalIndex = ?)",
                rewoundTo,
                rewoundTo);
        jdbc.update("DELETE FROM event_chain WHERE globalIndex > ?", rewoundTo);
        assertThat(problems())
                .as("the stored tree still holds their leaves")
                .containsExactly(problem(rewoundTo, Kind.TREE_MISMATCH));
        cutTreeTo(5);
        VerificationReport young = verifier.verify(null);
        assertThat(young.problems()).isEmpty();
        assertThat(young.unsealedEvents()).isEqualTo(2);
        assertThat(young.eventsChecked()).isEqualTo(5);

        jdbc.update(
                "UPDATE DomainEventEntry SET timeStamp = ? WHERE globalIndex > ?", "2026-01-01T00:00:00Z", rewoundTo);
        VerificationReport old = verifier.verify(null);
        assertThat(old.unsealedEvents()).isEqualTo(2);
        assertThat(problemsOf(old))
                .containsExactly(problem(index("eng-a", 3), Kind.UNSEALED), problem(index("eng-b", 2), Kind.UNSEALED));

        jdbc.update(
                "UPDATE DomainEventEntry SET timeStamp = ? WHERE globalIndex > ?", "2999-01-01T00:00:00Z", rewoundTo);
        assertThat(problems())
                .as("stamped in the future to look young")
                .containsExactly(problem(index("eng-a", 3), Kind.UNSEALED), problem(index("eng-b", 2), Kind.UNSEALED));
    }

    @Test
    void anUnsealedEventWhoseTimeStampCannotBeReadIsReportedUnreadable() {
        long last = index("eng-b", 2);
        jdbc.update("DELETE FROM event_chain WHERE globalIndex = ?", last);
        rewindHeadTo(index("eng-a", 3));
        jdbc.update("UPDATE DomainEventEntry SET timeStamp = 'last tuesday' WHERE globalIndex = ?", last);
        assertThat(problems())
                .containsExactly(problem(last, Kind.UNREADABLE), problem(index("eng-a", 3), Kind.TREE_MISMATCH));
    }

    @Test
    void aGrantForAnotherClientIsForeignAndTheDisclosureRelyingOnItUnbacked() {
        DomainEventMessage<?> foreign = append("eng-b", 3, grant("eng-b", "client-cara"), CARA);
        append("eng-b", 4, shared("eng-b", "boss-bea", foreign.getIdentifier(), 3));
        sealer.sealAvailable();
        assertThat(problems())
                .containsExactly(
                        problem(index("eng-b", 3), Kind.FOREIGN_GRANT),
                        problem(index("eng-b", 4), Kind.UNBACKED_DISCLOSURE));
        assertThat(verifier.verify(null).problems())
                .extracting(Problem::detail)
                .anySatisfy(detail -> assertThat(detail).contains("client-cara", "client-carl"))
                .anySatisfy(detail -> assertThat(detail).contains("not made by the engagement's client"));
    }

    @Test
    void aGrantWhoseMetadataNamesAnotherActorIsForeign() {
        MetaData boss = MetaData.from(Map.of("actorId", "boss-bea", "actorRole", "BOSS"));
        DomainEventMessage<?> foreign = append("eng-b", 3, grant("eng-b", "client-carl"), boss);
        append("eng-b", 4, shared("eng-b", "boss-bea", foreign.getIdentifier(), 3));
        sealer.sealAvailable();
        assertThat(problems())
                .containsExactly(
                        problem(index("eng-b", 3), Kind.FOREIGN_GRANT),
                        problem(index("eng-b", 4), Kind.UNBACKED_DISCLOSURE));
        assertThat(verifier.verify(null).problems().get(0).detail()).contains("boss-bea");
    }

    @Test
    void aMalformedSharedAtIsUnreadableAtItsDisclosure() {
        long disclosure = index("eng-a", 2);
        replaceInPayload(disclosure, "\"sharedAt\":\"[^\"]*\"", "\"sharedAt\":\"yesterday\"");
        assertThat(problems()).containsExactly(problem(disclosure, Kind.UNREADABLE));
        assertThat(verifier.verify(null).problems().get(0).detail()).contains("sharedAt");
    }

    @Test
    void aMalformedValidUntilIsUnreadableAtItsGrant() {
        long grant = index("eng-a", 1);
        replaceInPayload(grant, "\"validUntil\":null", "\"validUntil\":\"2026-02-30T25:00:00Z\"");
        assertThat(problems())
                .as("the consent cannot be read, so the disclosure citing it is not backed")
                .containsExactly(problem(grant, Kind.UNREADABLE), problem(index("eng-a", 2), Kind.UNBACKED_DISCLOSURE));
        assertThat(verifier.verify(null).problems().get(0).detail()).contains("validUntil");
    }

    @Test
    void aPayloadThatIsNoJsonIsUnreadableAtItsEvent() {
        long grant = index("eng-a", 1);
        jdbc.update(
                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", "{\"consentId\":".getBytes(), grant);
        resealEverything();
        assertThat(problems()).contains(problem(grant, Kind.UNREADABLE));
    }

    @Test
    void aGrantsMetadataThatIsNoJsonIsUnreadableAtItsEvent() {
        long grant = index("eng-a", 1);
        jdbc.update(
                "UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                new byte[] {(byte) 0xff, 0, '{'},
                grant);
        resealEverything();
        assertThat(problems()).contains(problem(grant, Kind.UNREADABLE));
        assertThat(verifier.verify(null).problems().get(0).detail()).contains("metadata");
    }

    /**
     * Whatever bytes the payload or metadata of an event the disclosure check reads holds, verification answers
     * with a report naming that event, never with an exception.
     */
    @Test
    void arbitraryStoredBytesNeverMakeVerificationThrow() {
        Random random = new Random(20261205);
        Set<Kind> reported = EnumSet.noneOf(Kind.class);
        List<Long> relevant = List.of(index("eng-a", 0), index("eng-a", 1), index("eng-a", 2), index("eng-a", 3));
        for (int round = 0; round < 120; round++) {
            long target = relevant.get(random.nextInt(relevant.size()));
            String column = random.nextBoolean() ? "payload" : "metaData";
            byte[] original = jdbc.queryForObject(
                    "SELECT " + column + " FROM DomainEventEntry WHERE globalIndex = ?", byte[].class, target);
            byte[] mutated = mutate(original, random);
            if (Arrays.equals(original, mutated)) {
                continue;
            }
            jdbc.update("UPDATE DomainEventEntry SET " + column + " = ? WHERE globalIndex = ?", mutated, target);
            VerificationReport report = verifier.verify(null);
            assertThat(report.verified()).isFalse();
            assertThat(report.problems())
                    .as("%s of %d as %s", column, target, new String(mutated, StandardCharsets.UTF_8))
                    .extracting(Problem::globalIndex)
                    .contains(target);
            report.problems().forEach(problem -> reported.add(problem.kind()));
            jdbc.update("UPDATE DomainEventEntry SET " + column + " = ? WHERE globalIndex = ?", original, target);
        }
        assertThat(reported).as("the disclosure check read the mutated values").contains(Kind.UNREADABLE);
        assertThat(verifier.verify(null).problems()).isEmpty();
    }

    /** Random bytes, a cut, a flipped byte, or one JSON value replaced by a value of another type or form. */
    private static byte[] mutate(byte[] original, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> Arrays.copyOf(original, random.nextInt(original.length));
            case 2 -> {
                byte[] bytes = original.clone();
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                yield bytes;
            }
            default -> {
                String json = new String(original, StandardCharsets.UTF_8);
                List<MatchResult> fields = JSON_VALUE.matcher(json).results().toList();
                if (fields.isEmpty()) {
                    yield original;
                }
                MatchResult field = fields.get(random.nextInt(fields.size()));
                yield (json.substring(0, field.start(1))
                                + OTHER_VALUES.get(random.nextInt(OTHER_VALUES.size()))
                                + json.substring(field.end(1)))
                        .getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private void replaceInPayload(long globalIndex, String regex, String replacement) {
        String payload = payload(globalIndex);
        String replaced = payload.replaceFirst(regex, replacement);
        assertThat(replaced).as("the stored payload has the field").isNotEqualTo(payload);
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", replaced.getBytes(), globalIndex);
        resealEverything();
    }

    /** What someone with write access does to make an edit look sealed: the chain and the tree computed anew. */
    private void resealEverything() {
        jdbc.update("DELETE FROM event_chain");
        jdbc.update("UPDATE event_chain_head SET lastIndex = 0, lastHash = ?", ChainHash.GENESIS);
        rebuildTree();
    }

    /** What the stored tree says once the walk is done, when an event's bytes or place changed: leaves differ. */
    private Problem treeMismatch() {
        return problem(index("eng-b", 2), Kind.TREE_MISMATCH);
    }

    /** The stored tree cut to its first leaves, as a careful attacker who removed chain rows would leave it. */
    private void cutTreeTo(long leaves) {
        jdbc.update("DELETE FROM merkle_tile");
        jdbc.update("UPDATE event_chain_head SET treeSize = 0, treeRoot = NULL");
        tree.catchUp(leaves);
    }

    /** The stored tree dropped: the sealer's next round builds it again from the chain as it is now. */
    private void rebuildTree() {
        jdbc.update("DELETE FROM merkle_tile");
        jdbc.update("UPDATE event_chain_head SET treeSize = 0, treeRoot = NULL");
        sealer.sealAvailable();
    }

    private void rewindHeadTo(long globalIndex) {
        jdbc.update(
                "UPDATE event_chain_head SET lastIndex = ?, lastHash = (SELECT chainHash FROM event_chain WHERE globalIndex = ?)",
                globalIndex,
                globalIndex);
    }

    @Test
    void theSealedHistoryIsAMerkleTreeWhoseSignedCheckpointIsStoredAndPublished() throws Exception {
        Checkpointer checkpointer = checkpointer();
        CheckpointLog.Signed signed = checkpointer.checkpointNow();
        Checkpoint checkpoint = Checkpoint.verified(signed.note(), checkpointer.verifier());
        assertThat(checkpoint.size()).isEqualTo(7);
        assertThat(checkpoint.rootHash()).isEqualTo(tree.head().root());
        assertThat(Files.readString(publishDir.resolve("checkpoint"))).isEqualTo(signed.note());
        assertThat(Files.readString(publishDir.resolve("checkpoints").resolve("7")))
                .isEqualTo(signed.note());
        assertThat(checkpointer.checkpointNow())
                .as("nothing new: no new signature")
                .isEqualTo(signed);

        VerificationReport report = verifierWith(checkpointer).verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.treeSize()).isEqualTo(7);
        assertThat(Base64.getDecoder().decode(report.treeRoot())).isEqualTo(checkpoint.rootHash());
        assertThat(report.checkpoints())
                .extracting(VerificationReport.CheckpointHeld::source, VerificationReport.CheckpointHeld::consistent)
                .containsExactlyInAnyOrder(tuple("published", true), tuple("stored", true));
    }

    @Test
    void aHistoryRewrittenAndResealedWithItsTreeIsForkedAgainstThePublishedCheckpoint() {
        Checkpointer checkpointer = checkpointer();
        checkpointer.checkpointNow();
        long target = index("eng-b", 1);
        jdbc.update(
                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                payload(target).replace("private", "rewrite").getBytes(),
                target);
        resealEverything();
        jdbc.update("DELETE FROM log_checkpoint");
        assertThat(verifier.verify(null).problems())
                .as("chain and tree re-sealed consistently look whole without a checkpoint")
                .isEmpty();

        assertThatThrownBy(checkpointer::checkpointNow)
                .isInstanceOf(Checkpointer.HistoryRewritten.class)
                .hasMessageContaining("published");
        append("eng-b", 3, new SessionLogged("eng-b", "s-3", "coach-chen", LocalDate.of(2026, 11, 16), 60, "more"));
        sealer.sealAvailable();
        assertThatThrownBy(checkpointer::checkpointNow)
                .as("nor is a grown rewritten history signed")
                .isInstanceOf(Checkpointer.HistoryRewritten.class);
        assertThat(verifierWith(checkpointer).verify(null).problems())
                .extracting(Problem::kind)
                .containsExactly(Kind.FORKED);
    }

    @Test
    void aLogCutShortAndResealedIsTruncatedAgainstAKeptCheckpoint() {
        Checkpointer checkpointer = checkpointer();
        String kept = checkpointer.checkpointNow().note();
        long last = index("eng-b", 2);
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", last);
        resealEverything();
        jdbc.update("DELETE FROM log_checkpoint");
        VerificationReport report = verifier.verify(null, kept, checkpointer.verifier());
        assertThat(report.problems()).extracting(Problem::kind).containsExactly(Kind.TRUNCATED);
        assertThat(report.checkpoints())
                .extracting(VerificationReport.CheckpointHeld::source, VerificationReport.CheckpointHeld::consistent)
                .containsExactly(tuple("auditor", false));
    }

    @Test
    void aKeptCheckpointAlteredOrSignedByAnotherKeyIsABadSignature() throws Exception {
        Checkpointer checkpointer = checkpointer();
        String kept = checkpointer.checkpointNow().note();
        String grown = kept.replaceFirst("\n7\n", "\n8\n");
        assertThat(verifier.verify(null, grown, checkpointer.verifier()).problems())
                .extracting(Problem::kind)
                .containsExactly(Kind.BAD_SIGNATURE);
        NoteSigner other = NoteSigner.generate(checkpointer.verifier().name());
        String foreign =
                other.sign(Checkpoint.verified(kept, checkpointer.verifier()).body());
        assertThat(verifier.verify(null, foreign, checkpointer.verifier()).problems())
                .extracting(Problem::kind)
                .containsExactly(Kind.BAD_SIGNATURE);
        assertThat(verifier.verify(null, kept, checkpointer.verifier()).problems())
                .isEmpty();
    }

    @Test
    void anAlteredTileIsATreeMismatch() {
        byte[] tile = jdbc.queryForObject("SELECT hashes FROM merkle_tile WHERE level = 0 AND idx = 0", byte[].class);
        tile[5] ^= 1;
        jdbc.update("UPDATE merkle_tile SET hashes = ? WHERE level = 0 AND idx = 0", tile);
        assertThat(problems()).extracting(Problem::kind).containsExactly(Kind.TREE_MISMATCH);
    }

    @Test
    void sealingStopsWhenChainRowsTheTreeHoldsWereRemoved() {
        long kept = index("eng-a", 3);
        jdbc.update("DELETE FROM event_chain WHERE globalIndex > ?", kept);
        rewindHeadTo(kept);
        assertThatThrownBy(sealer::sealAvailable).hasMessageContaining("leaves");
        assertThat(problems()).extracting(Problem::kind).contains(Kind.TREE_MISMATCH);
    }

    @Test
    void aTreeMissingFromAnEarlierVersionIsBuiltFromTheSealedEventsByTheNextRound() {
        byte[] root = tree.head().root();
        rebuildTree();
        assertThat(tree.head().size()).isEqualTo(7);
        assertThat(tree.head().root()).isEqualTo(root);
    }

    private Checkpointer checkpointer() {
        return new Checkpointer(
                checkpointLog,
                tree,
                NoteSigner.generate("test.example/ledger"),
                Duration.ofHours(1),
                publishDir.toString());
    }

    private LedgerVerifier verifierWith(Checkpointer checkpointer) {
        return new LedgerVerifier(
                dataSource, json, Duration.ofSeconds(60), tree, checkpointLog, Optional.of(checkpointer));
    }

    private List<Problem> problems() {
        return problemsOf(verifier.verify(null));
    }

    private static List<Problem> problemsOf(VerificationReport report) {
        return report.problems().stream()
                .map(p -> new Problem(p.globalIndex(), null, p.kind(), null))
                .toList();
    }

    private static Problem problem(long globalIndex, Kind kind) {
        return new Problem(globalIndex, null, kind, null);
    }

    private static UpdateConsentGranted grant(String engagementId, String clientId) {
        return new UpdateConsentGranted(
                engagementId,
                "c-1",
                clientId,
                Audience.BOSS,
                EnumSet.of(Scope.PROGRESS),
                null,
                "quarterly review",
                "2026-11");
    }

    private UpdateShared shared() {
        return shared("eng-a", "boss-ben", grantId, 1);
    }

    private static UpdateShared shared(String engagementId, String bossId, String grantEventId, long grantSequence) {
        return new UpdateShared(
                engagementId,
                "u-1",
                Audience.BOSS,
                Scope.PROGRESS,
                "on track",
                bossId,
                "coach-cole",
                Instant.now(),
                "c-1",
                "quarterly review",
                grantEventId,
                grantSequence);
    }

    private DomainEventMessage<?> append(String engagementId, long sequence, Object payload) {
        return append(engagementId, sequence, payload, COACH);
    }

    private DomainEventMessage<?> append(String engagementId, long sequence, Object payload, MetaData metaData) {
        DomainEventMessage<?> event =
                new GenericDomainEventMessage<>("Engagement", engagementId, sequence, payload, metaData);
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
