package coaching.ledger.platform.audit;

import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.platform.audit.VerificationReport.Kind;
import coaching.ledger.platform.testing.HeldAppend;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one gap rule, with a real late commit: an event inserted in a JDBC transaction that stays open
 * (it has taken its global index) while later events are appended. Sealer, views (the event store's
 * tracking stream) and verification agree: in time, it is sealed in order and streamed; after the gap
 * timeout (here 2 s by the database's clock) it is in neither and verification reports LATE_COMMIT.
 */
@ActiveProfiles("demo")
@SpringBootTest(classes = AuditTestApplication.class, properties = "ledger.chain.sealer.enabled=false")
abstract class LateCommitTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(2);
    private static final MetaData HR = MetaData.from(Map.of("actorId", "hr-hana", "actorRole", "HR"));

    @Autowired
    private EventStore eventStore;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private LogTree tree;

    @Autowired
    private LedgerVerifier verifier;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    private EventChainSealer sealer;
    private DomainEventMessage<?> first;
    private BlockingStream<TrackedEventMessage<?>> view;
    private final List<String> seenByView = new ArrayList<>();

    /**
     * A store with one sealed event. Identity columns keep counting over the previous test's deleted
     * events: that leading gap is sealed over at once and forgotten, as it is no gap of this history.
     */
    @BeforeEach
    void storeWithOneSealedEvent() {
        AuditTables.empty(jdbc);
        view = eventStore.openStream(eventStore.createHeadToken());
        first = append("eng-a", 0);
        new EventChainSealer(jdbc, transactionManager, tree, Duration.ofMillis(50), Duration.ZERO, 100).sealAvailable();
        jdbc.update("DELETE FROM event_chain_gap");
        sealer = new EventChainSealer(jdbc, transactionManager, tree, Duration.ofMillis(50), GAP_TIMEOUT, 100);
    }

    @AfterEach
    void closeView() {
        view.close();
    }

    @Test
    void aCommitWithinTheGapTimeoutIsSealedInOrderStreamedAndVerified() throws Exception {
        DomainEventMessage<?> before = first;
        try (HeldAppend late = hold("eng-late")) {
            DomainEventMessage<?> after = append("eng-b", 0);
            assertThat(index(after))
                    .as("the held transaction took its index first")
                    .isGreaterThan(late.globalIndex());
            assertThat(late.globalIndex())
                    .as("a gap: nothing else was stored between")
                    .isEqualTo(index(before) + 1);
            readViewUntil(after.getIdentifier());
            assertThat(seenByView).doesNotContain(late.eventId());

            assertThat(sealer.sealAvailable())
                    .as("the sealer stops at the open gap")
                    .isZero();
            Thread.sleep(GAP_TIMEOUT.toMillis() / 2);
            assertThat(sealer.sealAvailable()).isZero();
            long heldMillis = heldFor(late);
            late.commit();

            assertThat(sealer.sealAvailable()).isEqualTo(2);
            assertThat(jdbc.queryForObject(
                            "SELECT previousGlobalIndex FROM event_chain WHERE globalIndex = ?",
                            Long.class,
                            late.globalIndex()))
                    .as("sealed in order")
                    .isEqualTo(index(before));
            readViewUntil(late.eventId());
            VerificationReport report = verifier.verify(null);
            assertThat(report.problems()).isEmpty();
            assertThat(report.eventsChecked()).isEqualTo(3);
            System.out.printf(
                    "late commit within the gap timeout (%s): held %d ms, sealed in order, streamed, verified%n",
                    GAP_TIMEOUT, heldMillis);
        }
    }

    @Test
    void aCommitAfterTheGapTimeoutIsInNoViewNorTheChainAndVerificationReportsIt() throws Exception {
        try (HeldAppend late = hold("eng-late")) {
            DomainEventMessage<?> after = append("eng-b", 0);
            assertThat(sealer.sealAvailable()).isZero();
            Thread.sleep(GAP_TIMEOUT.toMillis() + 500);
            assertThat(sealer.sealAvailable()).as("given up, then linked over").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT lastIndex FROM event_chain_head WHERE id = 1", Long.class))
                    .isEqualTo(index(after));
            late.commit();

            DomainEventMessage<?> marker = append("eng-b", 1);
            assertThat(sealer.sealAvailable())
                    .as("only the marker: the late event is not sealed")
                    .isEqualTo(1);
            readViewUntil(marker.getIdentifier());
            assertThat(seenByView).as("a view that waited at the gap").doesNotContain(late.eventId());
            try (BlockingStream<TrackedEventMessage<?>> replay = eventStore.openStream(null)) {
                assertThat(readUntil(replay, marker.getIdentifier()))
                        .as("a replay")
                        .doesNotContain(late.eventId());
            }

            VerificationReport report = verifier.verify(null);
            assertThat(report.verified()).isFalse();
            assertThat(report.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(Kind.LATE_COMMIT);
                assertThat(problem.globalIndex()).isEqualTo(late.globalIndex());
                assertThat(problem.detail()).contains("given up", "database's clock");
            });
        }
    }

    /**
     * The moment between giving up and linking over: an event that commits then is not taken by a
     * view while the sealer has given it up, and is sealed (so every view takes it) if the sealer's
     * next round finds it.
     */
    @Test
    void aCommitJustAfterTheGiveUpIsSealedIfTheLinkingRoundFindsIt() throws Exception {
        try (HeldAppend late = hold("eng-late")) {
            DomainEventMessage<?> after = append("eng-b", 0);
            assertThat(sealer.sealAvailable()).isZero();
            // the first half of a give-up, as the sealer's round commits it
            jdbc.update(
                    "UPDATE event_chain_gap SET givenUpAt = CURRENT_TIMESTAMP WHERE firstIndex = ?",
                    late.globalIndex());
            late.commit();
            DomainEventMessage<?> marker = append("eng-b", 1);
            readViewUntil(marker.getIdentifier());
            assertThat(seenByView).as("given up: not taken while unsealed").doesNotContain(late.eventId());

            assertThat(sealer.sealAvailable()).isEqualTo(3);
            readViewUntil(late.eventId());
            assertThat(verifier.verify(null).problems()).isEmpty();
            assertThat(index(after)).isGreaterThan(late.globalIndex());
        }
    }

    /**
     * A rolled-back append leaves a gap nobody can fill. The database tells that no transaction is
     * writing events any more (PostgreSQL by its locks, H2 by its sessions), so the sealer passes the
     * gap in its next round instead of after the gap timeout (a minute here).
     */
    @Test
    void aGapNobodyCanFillAnymoreIsPassedAtOnce() throws Exception {
        long rolledBack;
        try (HeldAppend abandoned = hold("eng-abandoned")) {
            rolledBack = abandoned.globalIndex();
        }
        DomainEventMessage<?> after = append("eng-b", 0);
        EventChainSealer patient =
                new EventChainSealer(jdbc, transactionManager, tree, Duration.ofMillis(50), Duration.ofMinutes(1), 100);
        assertThat(patient.sealAvailable())
                .as("the round that finds the gap waits")
                .isZero();

        assertThat(patient.sealAvailable())
                .as("no writer left: given up and linked over in the next round")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT previousGlobalIndex FROM event_chain WHERE globalIndex = ?", Long.class, index(after)))
                .isEqualTo(rolledBack - 1);
        assertThat(verifier.verify(null).problems()).isEmpty();
    }

    private HeldAppend hold(String engagementId) throws Exception {
        return new HeldAppend(dataSource, serializer, engagementId, 0, opened(engagementId), HR);
    }

    private long heldFor(HeldAppend late) {
        return jdbc.queryForObject(
                "SELECT observedAt FROM event_chain_gap WHERE firstIndex = ?",
                (row, n) -> Duration.between(
                                row.getObject(1, java.time.OffsetDateTime.class), java.time.OffsetDateTime.now())
                        .toMillis(),
                late.globalIndex());
    }

    private void readViewUntil(String eventId) throws InterruptedException {
        seenByView.addAll(readUntil(view, eventId));
    }

    private static List<String> readUntil(BlockingStream<TrackedEventMessage<?>> stream, String eventId)
            throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!seen.contains(eventId)) {
            assertThat(System.nanoTime())
                    .as("event " + eventId + " reached the stream in time")
                    .isLessThan(deadline);
            if (stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                seen.add(stream.nextAvailable().getIdentifier());
            }
        }
        return seen;
    }

    private DomainEventMessage<?> append(String engagementId, long sequence) {
        DomainEventMessage<?> event =
                new GenericDomainEventMessage<>("Engagement", engagementId, sequence, opened(engagementId), HR);
        eventStore.publish(event);
        return event;
    }

    private static EngagementOpened opened(String engagementId) {
        return new EngagementOpened(
                engagementId, "client-cara", "boss-ben", "hr-hana", Purpose.DEVELOPMENTAL, Urgency.LOW);
    }

    private long index(DomainEventMessage<?> event) {
        return jdbc.queryForObject(
                "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?",
                Long.class,
                event.getIdentifier());
    }
}
