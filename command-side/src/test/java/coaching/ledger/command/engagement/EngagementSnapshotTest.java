package coaching.ledger.command.engagement;

import coaching.ledger.command.coaches.CoachRegistry;
import coaching.ledger.command.erasure.InMemoryClientEngagements;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.GrantUpdateConsent;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.selection.ApproveBudget;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.SelectCoach;
import coaching.ledger.kernel.selection.ShortlistCoaches;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.LogSession;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.axon.AxonInfrastructure;
import coaching.ledger.platform.fingerprint.Fingerprints;
import coaching.ledger.platform.sealing.Sealer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_RUNNER_UP;
import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.FINGERPRINTS;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.KEYS;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.REGISTERED_COACHES;
import static coaching.ledger.command.EngagementFixtures.RUNNER_UP;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Engagement snapshot, written by Axon's own {@link AggregateSnapshotter} through a
 * {@link JacksonSerializer} on the project's Axon ObjectMapper into the project's H2 event-store
 * schema, is loaded back by an {@link EventSourcingRepository} and must enforce every rule exactly as
 * the same engagement rebuilt from its full event stream: same answers, same events, same consent
 * trace. The snapshot itself round-trips to identical JSON and holds no confidential text.
 */
class EngagementSnapshotTest {

    private static final String SNAPSHOTTED = "eng-snap";
    private static final String REPLAYED = "eng-full";
    private static final String NOTES_1 = "NOTES-SECRET-1 Cara is afraid of her VP";
    private static final String NOTES_2 = "NOTES-SECRET-2 talked about leaving the company";
    private static final String CONTENT_1 = "CONTENT-SECRET-1 Cara now chairs the weekly planning";
    private static final String CONTENT_2 = "CONTENT-SECRET-2 Cara's goals for next quarter";
    private static final Instant SCRIPT_TIME = NOW;
    private static final Instant PROBE_TIME = NOW.plus(Duration.ofDays(2));

    private final ObjectMapper mapper = new AxonInfrastructure().defaultAxonObjectMapper();
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(mapper).build();

    private Clock originalClock;
    private JdbcDataSource dataSource;
    private EmbeddedEventStore eventStore;
    private AggregateSnapshotter snapshotter;
    private CommandGateway gateway;

    @BeforeEach
    void setUp() throws Exception {
        originalClock = GenericEventMessage.clock;
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:snapshot-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        createProjectSchema();
        wire(FINGERPRINTS);
    }

    /** The event store, snapshotter and command handling of a process whose fingerprint key is this one. */
    private void wire(Fingerprints fingerprints) {
        JdbcEventStorageEngine storageEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .snapshotFilter(new EngagementSnapshotFilter(fingerprints))
                .build();
        eventStore = EmbeddedEventStore.builder().storageEngine(storageEngine).build();

        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Engagement.class),
                new SimpleResourceParameterResolverFactory(List.of(
                        (CoachRegistry) REGISTERED_COACHES::contains,
                        fingerprints,
                        SEALER,
                        KEYS,
                        new InMemoryClientEngagements(KEYS))));
        snapshotter = AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(new GenericAggregateFactory<>(Engagement.class))
                .parameterResolverFactory(parameters)
                .build();
        EventSourcingRepository<Engagement> repository = EventSourcingRepository.builder(Engagement.class)
                .eventStore(eventStore)
                .parameterResolverFactory(parameters)
                .build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Engagement>builder()
                .aggregateType(Engagement.class)
                .repository(repository)
                .parameterResolverFactory(parameters)
                .build()
                .subscribe(commandBus);
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @AfterEach
    void tearDown() throws SQLException {
        GenericEventMessage.clock = originalClock;
        eventStore.shutDown();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void aSnapshottedEngagementEnforcesEveryRuleLikeTheFullEventStream() throws Exception {
        clockAt(SCRIPT_TIME);
        runScript(SNAPSHOTTED);
        runScript(REPLAYED);
        snapshotter.scheduleSnapshot(Engagement.class, SNAPSHOTTED);

        assertThat(firstMessageOf(SNAPSHOTTED).getPayload())
                .as(
                        "Axon loads %s from its snapshot (a failing snapshot would silently fall back to events)",
                        SNAPSHOTTED)
                .isInstanceOf(Engagement.class);
        assertThat(firstMessageOf(SNAPSHOTTED).getSequenceNumber()).isEqualTo(SCRIPT_LAST_SEQUENCE);
        assertThat(firstMessageOf(REPLAYED).getPayload()).isNotInstanceOf(Engagement.class);

        clockAt(PROBE_TIME);
        List<ProbeResult> fromSnapshot = runProbes(SNAPSHOTTED);
        List<ProbeResult> fromEvents = runProbes(REPLAYED);

        assertThat(fromSnapshot).isEqualTo(fromEvents);

        // and what they both answer is the rule of docs/http-api.md, not merely the same mistake twice; every
        // receipt answers its actor's version (client: sequence number; coach: without refusals and
        // the satisfaction), a repeat the version of its original receipt
        Map<String, ProbeResult> byName = new LinkedHashMap<>();
        fromSnapshot.forEach(result -> byName.put(result.probe(), result));
        long next = SCRIPT_LAST_SEQUENCE + 1;
        long coachNext = SCRIPT_COACH_VERSION + 1;
        assertThat(byName.get("share under c-boss").answer()).isEqualTo(Receipt.recorded("u-3", coachNext));
        assertThat(byName.get("share under c-boss").recorded()).singleElement().satisfies(shared -> {
            assertThat(shared)
                    .containsEntry("type", "UpdateShared")
                    .containsEntry("consentId", "c-boss")
                    .containsEntry("consentGrantEventId", "<grant of c-boss>")
                    .containsEntry("consentGrantSequence", 6L)
                    .containsEntry("recipientId", BOSS)
                    .containsEntry("sharedBy", COACH)
                    .containsEntry("sharedAt", PROBE_TIME.toString());
        });
        assertThat(byName.get("share under expired c-hr").answer())
                .isEqualTo(Receipt.refused("u-4", next + 1, false, "CONSENT_EXPIRED"));
        assertThat(byName.get("share under revoked c-goals").answer())
                .isEqualTo(Receipt.refused("u-5", coachNext, false, "CONSENT_REVOKED"));
        assertThat(byName.get("share to HR outside c-hr's scope").answer())
                .isEqualTo(Receipt.refused("u-6", coachNext, false, "SCOPE_NOT_COVERED"));
        assertThat(byName.get("retry of shared u-1").answer()).isEqualTo(Receipt.repeated("u-1", 9));
        assertThat(byName.get("u-1 with other content").answer()).isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(byName.get("retry of refused u-2").answer())
                .isEqualTo(Receipt.refused("u-2", 11, true, "CONSENT_REVOKED"));
        assertThat(byName.get("runner-up shares").answer()).isEqualTo(Rejection.Kind.FORBIDDEN);
        assertThat(byName.get("runner-up shares").recorded()).isEmpty();
        assertThat(byName.get("retry of session s-2").answer()).isEqualTo(Receipt.repeated("s-2", 5));
        assertThat(byName.get("s-2 with other notes").answer()).isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(byName.get("last approved session").answer()).isEqualTo(Receipt.recorded("s-3", coachNext + 1));
        assertThat(byName.get("session beyond the budget").answer()).isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(byName.get("retry of grant c-boss").answer()).isEqualTo(Receipt.repeated("c-boss", 6));
        assertThat(byName.get("c-boss with other scopes").answer()).isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(byName.get("another client").answer()).isEqualTo(Rejection.Kind.NOT_FOUND);
        assertThat(byName.get("another boss").answer()).isEqualTo(Rejection.Kind.NOT_FOUND);
        // the boss's view: the four lifecycle events, u-1 and u-3 to him, and now the closure
        assertThat(byName.get("close").answer()).isEqualTo(Receipt.recorded(THIS_ENGAGEMENT, 6));
        assertThat(byName.get("close").recorded())
                .singleElement()
                .satisfies(closed -> assertThat(closed).containsEntry("endedConsentIds", List.of("c-boss")));
        assertThat(byName.get("share after close").answer())
                .isEqualTo(Receipt.refused("u-8", coachNext + 2, false, "ENGAGEMENT_CLOSED"));
    }

    @Test
    void theSnapshotRoundTripsToIdenticalJsonWithoutConfidentialText() throws Exception {
        clockAt(SCRIPT_TIME);
        runScript(SNAPSHOTTED);
        snapshotter.scheduleSnapshot(Engagement.class, SNAPSHOTTED);

        StoredSnapshot stored = storedSnapshot(SNAPSHOTTED);
        assertThat(stored.type()).isEqualTo(Engagement.class.getName());
        assertThat(stored.revision()).isEqualTo("4");
        assertThat(stored.sequence()).isEqualTo(SCRIPT_LAST_SEQUENCE);
        assertThat(stored.json())
                .doesNotContain("NOTES-SECRET", "CONTENT-SECRET", NOTES_1, NOTES_2, CONTENT_1, CONTENT_2)
                .contains(grantEventId(SNAPSHOTTED, "c-boss"), grantEventId(SNAPSHOTTED, "c-hr"));

        Engagement restored = serializer.deserialize(new SimpleSerializedObject<>(
                stored.json().getBytes(StandardCharsets.UTF_8),
                byte[].class,
                new SimpleSerializedType(stored.type(), stored.revision())));
        SerializedObject<String> again = serializer.serialize(restored, String.class);

        assertThat(again.getType()).isEqualTo(new SimpleSerializedType(Engagement.class.getName(), "4"));
        assertThat(mapper.readTree(again.getData())).isEqualTo(mapper.readTree(stored.json()));
        assertThat(again.getData()).isEqualTo(stored.json());
    }

    /** Snapshots of an earlier revision (here 1: before per-party versions and keyed fingerprints) are never trusted. */
    @Test
    void aSnapshotOfTheOldStateShapeIsIgnoredAndTheEngagementRebuiltFromItsEvents() throws Exception {
        clockAt(SCRIPT_TIME);
        runScript(SNAPSHOTTED);
        snapshotter.scheduleSnapshot(Engagement.class, SNAPSHOTTED);
        assertThat(firstMessageOf(SNAPSHOTTED).getPayload()).isInstanceOf(Engagement.class);

        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE SnapshotEventEntry SET payloadRevision = '1'");
        }

        assertThat(firstMessageOf(SNAPSHOTTED).getPayload()).isNotInstanceOf(Engagement.class);
        assertThat(send(new LogSession(SNAPSHOTTED, "s-2", LocalDate.of(2026, 11, 17), 45, NOTES_2), AS_COACH))
                .isEqualTo(Receipt.repeated("s-2", 5));
    }

    /**
     * A process with another fingerprint key distrusts the snapshot (its fingerprints cannot be
     * compared) and rebuilds from events under its own key: repeats are still recognised as such.
     */
    @Test
    void aSnapshotMadeUnderAnotherFingerprintKeyIsIgnored() throws Exception {
        clockAt(SCRIPT_TIME);
        runScript(SNAPSHOTTED);
        snapshotter.scheduleSnapshot(Engagement.class, SNAPSHOTTED);
        StoredSnapshot stored = storedSnapshot(SNAPSHOTTED);
        assertThat(stored.json()).contains("\"fingerprintKeyId\":\"" + FINGERPRINTS.keyId() + "\"");

        eventStore.shutDown();
        wire(new Fingerprints("another key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8)));

        assertThat(firstMessageOf(SNAPSHOTTED).getPayload()).isNotInstanceOf(Engagement.class);
        assertThat(send(new LogSession(SNAPSHOTTED, "s-2", LocalDate.of(2026, 11, 17), 45, NOTES_2), AS_COACH))
                .isEqualTo(Receipt.repeated("s-2", 5));
        assertThat(rejectionOf(new LogSession(SNAPSHOTTED, "s-2", LocalDate.of(2026, 11, 17), 45, "guess"), AS_COACH))
                .isEqualTo(Rejection.Kind.CONFLICT);
    }

    @Test
    void theFilterJudgesOnlyEngagementSnapshots() {
        EngagementSnapshotFilter filter = new EngagementSnapshotFilter(FINGERPRINTS);
        assertThat(filter.test(snapshotData("some.other.Aggregate", "1", "{}"))).isTrue();
        String current = "{\"fingerprintKeyId\":\"" + FINGERPRINTS.keyId() + "\"}";
        assertThat(filter.test(snapshotData(Engagement.class.getName(), "4", current)))
                .isTrue();
        assertThat(filter.test(snapshotData(Engagement.class.getName(), "4", "{\"fingerprintKeyId\":\"other\"}")))
                .isFalse();
        assertThat(filter.test(snapshotData(Engagement.class.getName(), "4", "not json")))
                .isFalse();
        // revision 3 held no legal holds
        assertThat(filter.test(snapshotData(Engagement.class.getName(), "3", current)))
                .isFalse();
        // revision 2 held every capability's state in fields of the engagement itself
        assertThat(filter.test(snapshotData(Engagement.class.getName(), "2", current)))
                .isFalse();
    }

    private static DomainEventData<?> snapshotData(String type, String revision, String json) {
        return new GenericDomainEventEntry<>(
                "Engagement",
                "eng-x",
                3,
                "snapshot-id",
                NOW,
                type,
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClosedEngagementLoadedFromItsSnapshotStaysClosed() throws Exception {
        clockAt(SCRIPT_TIME);
        runScript(SNAPSHOTTED);
        // HR's view: the four lifecycle events, the satisfaction score, and now the closure
        assertThat(send(new CloseEngagement(SNAPSHOTTED, Outcome.TERMINATED, "budget cut"), AS_HR))
                .isEqualTo(Receipt.recorded(SNAPSHOTTED, 5));
        snapshotter.scheduleSnapshot(Engagement.class, SNAPSHOTTED);

        StoredSnapshot stored = storedSnapshot(SNAPSHOTTED);
        assertThat(stored.sequence()).isEqualTo(SCRIPT_LAST_SEQUENCE + 1);
        assertThat(firstMessageOf(SNAPSHOTTED).getPayload()).isInstanceOf(Engagement.class);
        Engagement restored = serializer.deserialize(new SimpleSerializedObject<>(
                stored.json(), String.class, new SimpleSerializedType(stored.type(), stored.revision())));
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(stored.json());

        long closedAt = SCRIPT_LAST_SEQUENCE + 1;
        assertThat(eventStore.readEvents(SNAPSHOTTED, closedAt).asStream().<Object>map(DomainEventMessage::getPayload))
                .containsExactly(new EngagementClosed(
                                SNAPSHOTTED, Outcome.TERMINATED, "budget cut", HR, List.of("c-boss", "c-hr"))
                        .sealed(SEALER, CLIENT));
        assertThat(send(new ShareUpdate(SNAPSHOTTED, "u-9", Audience.BOSS, Scope.PROGRESS, "late"), AS_COACH))
                .isEqualTo(Receipt.refused("u-9", SCRIPT_COACH_VERSION + 1, false, "ENGAGEMENT_CLOSED"));
        assertThat(send(new CloseEngagement(SNAPSHOTTED, Outcome.TERMINATED, "budget cut"), AS_HR))
                .isEqualTo(Receipt.repeated(SNAPSHOTTED, 5));
        assertThat(rejectionOf(new CloseEngagement(SNAPSHOTTED, Outcome.TERMINATED, "budget cut"), AS_BOSS))
                .isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(rejectionOf(new CloseEngagement(SNAPSHOTTED, Outcome.COMPLETED, "budget cut"), AS_HR))
                .isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(rejectionOf(new RevokeUpdateConsent(SNAPSHOTTED, "c-boss", null), AS_CLIENT))
                .isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(send(new RevokeUpdateConsent(SNAPSHOTTED, "c-goals", null), AS_CLIENT))
                .isEqualTo(Receipt.repeated("c-goals", 10));
        assertThat(eventStore.lastSequenceNumberFor(SNAPSHOTTED)).contains(closedAt + 1);
    }

    // --- the engagement's history before the snapshot --------------------------------------------

    /** Sequence number of the last event {@link #runScript} records (14 events: 0 to 13). */
    private static final long SCRIPT_LAST_SEQUENCE = 13;
    /** The coach's version after the script: its view shows neither the refusal (11) nor the satisfaction (13). */
    private static final long SCRIPT_COACH_VERSION = 11;

    private void runScript(String id) {
        send(new OpenEngagement(id, CLIENT, BOSS, Purpose.DEVELOPMENTAL, Urgency.NORMAL), AS_HR); // 0
        send(new ShortlistCoaches(id, List.of(COACH, RUNNER_UP)), AS_HR); // 1
        send(new SelectCoach(id, COACH), AS_CLIENT); // 2
        send(new ApproveBudget(id, 3, new BigDecimal("4500.00"), "EUR"), AS_BOSS); // 3
        send(new LogSession(id, "s-1", LocalDate.of(2026, 11, 10), 60, NOTES_1), AS_COACH); // 4
        send(new LogSession(id, "s-2", LocalDate.of(2026, 11, 17), 45, NOTES_2), AS_COACH); // 5
        send(
                new GrantUpdateConsent(
                        id,
                        "c-boss",
                        Audience.BOSS,
                        Set.of(Scope.PROGRESS, Scope.ATTENDANCE),
                        null,
                        "sponsor follow-up",
                        null),
                AS_CLIENT); // 6
        send(
                new GrantUpdateConsent(
                        id,
                        "c-hr",
                        Audience.HR,
                        Set.of(Scope.OUTCOME),
                        SCRIPT_TIME.plus(Duration.ofDays(1)),
                        "HR programme review",
                        null),
                AS_CLIENT); // 7
        send(
                new GrantUpdateConsent(
                        id,
                        "c-goals",
                        Audience.BOSS,
                        Set.of(Scope.GOALS),
                        SCRIPT_TIME.plus(Duration.ofDays(30)),
                        "goal alignment",
                        null),
                AS_CLIENT); // 8
        assertThat(send(new ShareUpdate(id, "u-1", Audience.BOSS, Scope.PROGRESS, CONTENT_1), AS_COACH))
                .isEqualTo(Receipt.recorded("u-1", 9)); // 9
        send(new RevokeUpdateConsent(id, "c-goals", "too early"), AS_CLIENT); // 10
        assertThat(send(new ShareUpdate(id, "u-2", Audience.BOSS, Scope.GOALS, CONTENT_2), AS_CLIENT))
                .isEqualTo(Receipt.refused("u-2", 11, false, "CONSENT_REVOKED")); // 11
        send(new RequestUpdate(id, "r-1", Scope.PROGRESS, "how is it going?"), AS_BOSS); // 12
        send(new RecordSatisfaction(id, 4, "helpful so far"), AS_CLIENT); // 13
        assertThat(eventStore.lastSequenceNumberFor(id)).contains(SCRIPT_LAST_SEQUENCE);
    }

    // --- probes after the snapshot, two days later (c-hr has expired) ------------------------------

    private List<ProbeResult> runProbes(String id) {
        List<ProbeResult> results = new ArrayList<>();
        results.add(probe(
                id,
                "share under c-boss",
                new ShareUpdate(id, "u-3", Audience.BOSS, Scope.PROGRESS, "steady progress"),
                AS_COACH));
        results.add(probe(
                id,
                "share under expired c-hr",
                new ShareUpdate(id, "u-4", Audience.HR, Scope.OUTCOME, "final outcome"),
                AS_CLIENT));
        results.add(probe(
                id,
                "share under revoked c-goals",
                new ShareUpdate(id, "u-5", Audience.BOSS, Scope.GOALS, "goals"),
                AS_COACH));
        results.add(probe(
                id,
                "share to HR outside c-hr's scope",
                new ShareUpdate(id, "u-6", Audience.HR, Scope.PROGRESS, "progress"),
                AS_COACH));
        results.add(probe(
                id,
                "retry of shared u-1",
                new ShareUpdate(id, "u-1", Audience.BOSS, Scope.PROGRESS, CONTENT_1),
                AS_COACH));
        results.add(probe(
                id,
                "u-1 with other content",
                new ShareUpdate(id, "u-1", Audience.BOSS, Scope.PROGRESS, "edited"),
                AS_COACH));
        results.add(probe(
                id,
                "retry of refused u-2",
                new ShareUpdate(id, "u-2", Audience.BOSS, Scope.GOALS, CONTENT_2),
                AS_CLIENT));
        results.add(probe(
                id,
                "runner-up shares",
                new ShareUpdate(id, "u-7", Audience.BOSS, Scope.PROGRESS, "from the runner-up"),
                AS_RUNNER_UP));
        results.add(probe(
                id,
                "retry of session s-2",
                new LogSession(id, "s-2", LocalDate.of(2026, 11, 17), 45, NOTES_2),
                AS_COACH));
        results.add(probe(
                id,
                "s-2 with other notes",
                new LogSession(id, "s-2", LocalDate.of(2026, 11, 17), 45, "rewritten"),
                AS_COACH));
        results.add(probe(
                id,
                "last approved session",
                new LogSession(id, "s-3", LocalDate.of(2026, 11, 24), 60, "third"),
                AS_COACH));
        results.add(probe(
                id,
                "session beyond the budget",
                new LogSession(id, "s-4", LocalDate.of(2026, 11, 25), 60, "fourth"),
                AS_COACH));
        results.add(probe(
                id,
                "retry of grant c-boss",
                new GrantUpdateConsent(
                        id,
                        "c-boss",
                        Audience.BOSS,
                        Set.of(Scope.ATTENDANCE, Scope.PROGRESS),
                        null,
                        "sponsor follow-up",
                        null),
                AS_CLIENT));
        results.add(probe(
                id,
                "c-boss with other scopes",
                new GrantUpdateConsent(
                        id, "c-boss", Audience.BOSS, Set.of(Scope.PROGRESS), null, "sponsor follow-up", null),
                AS_CLIENT));
        results.add(probe(id, "another client", new RecordSatisfaction(id, 1, null), AS_OTHER_CLIENT));
        results.add(probe(id, "another boss", new CloseEngagement(id, Outcome.TERMINATED, "not mine"), AS_OTHER_BOSS));
        results.add(probe(id, "close", new CloseEngagement(id, Outcome.COMPLETED, "goals reached"), AS_BOSS));
        results.add(probe(
                id,
                "share after close",
                new ShareUpdate(id, "u-8", Audience.BOSS, Scope.PROGRESS, "after the end"),
                AS_COACH));
        return results;
    }

    /**
     * What a command answered (a Receipt or the kind of Rejection) and the events it recorded, made
     * comparable across the two engagements: without the engagement id, and with each consent grant
     * event id checked against that engagement's own grant event and replaced by a name.
     */
    record ProbeResult(String probe, Object answer, List<Map<String, Object>> recorded) {}

    /** Stands for the probed engagement's own id in a Receipt. */
    private static final String THIS_ENGAGEMENT = "<this engagement>";

    private ProbeResult probe(String id, String name, Object command, Map<String, String> actor) {
        long before = eventStore.lastSequenceNumberFor(id).orElseThrow();
        Object answer;
        try {
            Receipt receipt = send(command, actor);
            answer = receipt.id().equals(id)
                    ? new Receipt(THIS_ENGAGEMENT, receipt.version(), receipt.repeated(), receipt.refusal())
                    : receipt;
        } catch (Rejection rejection) {
            answer = rejection.kind();
        }
        List<Map<String, Object>> recorded = eventStore
                .readEvents(id, before + 1)
                .asStream()
                .map(event -> comparable(id, event.getPayload()))
                .toList();
        return new ProbeResult(name, answer, recorded);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> comparable(String id, Object payload) {
        Map<String, Object> fields = new LinkedHashMap<>(mapper.convertValue(payload, Map.class));
        assertThat(fields.remove("engagementId")).isEqualTo(id);
        if (payload instanceof UpdateShared shared) {
            assertThat(shared.consentGrantEventId()).isEqualTo(grantEventId(id, shared.consentId()));
            fields.put("consentGrantEventId", "<grant of " + shared.consentId() + ">");
            fields.put("content", opened(UpdateShared.contentField(CLIENT, id, shared.updateId()), shared.content()));
        }
        if (payload instanceof SessionLogged logged) {
            fields.put("notes", opened(SessionLogged.notesField(CLIENT, id, logged.sessionId()), logged.notes()));
        }
        if (payload instanceof EngagementClosed closed) {
            fields.put("reason", opened(EngagementClosed.reasonField(CLIENT, id), closed.reason()));
        }
        assertThat(payload)
                .isInstanceOfAny(
                        UpdateShared.class, DisclosureRefused.class, EngagementClosed.class, SessionLogged.class);
        fields.put("type", payload.getClass().getSimpleName());
        return fields;
    }

    /** Confidential text is sealed for its own engagement, so the two engagements compare it opened. */
    private static String opened(SealedField field, String stored) {
        assertThat(Sealer.isEnvelope(stored)).as("%s is stored sealed", field).isTrue();
        return SEALER.open(field, stored);
    }

    // --- plumbing ------------------------------------------------------------------------------

    private Receipt send(Object command, Map<String, String> actor) {
        return gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
    }

    private Rejection.Kind rejectionOf(Object command, Map<String, String> actor) {
        try {
            send(command, actor);
        } catch (Rejection rejection) {
            return rejection.kind();
        }
        throw new AssertionError(command + " was not rejected");
    }

    private static void clockAt(Instant instant) {
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    private DomainEventMessage<?> firstMessageOf(String id) {
        return eventStore.readEvents(id).peek();
    }

    private String grantEventId(String id, String consentId) {
        return eventStore
                .readEvents(id, 0)
                .asStream()
                .filter(event -> event.getPayload() instanceof UpdateConsentGranted granted
                        && granted.consentId().equals(consentId))
                .map(DomainEventMessage::getIdentifier)
                .reduce((first, second) -> {
                    throw new AssertionError("two grants of " + consentId);
                })
                .orElseThrow();
    }

    record StoredSnapshot(String type, String revision, long sequence, String json) {}

    private StoredSnapshot storedSnapshot(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT payloadType, payloadRevision, sequenceNumber, payload FROM SnapshotEventEntry"
                                + " WHERE aggregateIdentifier = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a snapshot of %s is stored", id).isTrue();
                StoredSnapshot snapshot = new StoredSnapshot(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getLong(3),
                        new String(rows.getBytes(4), StandardCharsets.UTF_8));
                assertThat(rows.next()).as("only the latest snapshot is kept").isFalse();
                return snapshot;
            }
        }
    }

    /** The project's own H2 event-store migration, as Flyway would apply it. */
    private void createProjectSchema() throws SQLException, IOException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/h2/V1__axon_event_store.sql")) {
            assertThat(in).as("the platform's H2 migration is on the classpath").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }
}
