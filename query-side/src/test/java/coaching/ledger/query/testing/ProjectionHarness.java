package coaching.ledger.query.testing;

import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import coaching.ledger.platform.testing.TestDatabases;
import coaching.ledger.query.engagement.ConfidentialTexts;
import coaching.ledger.query.rows.ViewTables;
import coaching.ledger.query.rows.ViewWrites;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feeds events to one projection as its streaming processor would (tracked messages with a global
 * index, aggregate sequence and actor metadata), against a fresh database migrated with the real view
 * schema: in-memory H2, or a new schema of the machine's PostgreSQL. No Spring, no event store. Events
 * are handed over one at a time outside a unit of work, or in batches as a processor's batch.
 */
public final class ProjectionHarness {

    private final JdbcClient jdbc;
    private final ViewWrites writes;
    private final LedgerEvents events = new LedgerEvents();
    private final List<TrackedEventMessage<?>> delivered = new ArrayList<>();
    private final InMemoryClientDataKeys keys = new InMemoryClientDataKeys();
    private final Sealer sealer = new Sealer(keys);
    private AnnotationEventHandlerAdapter handler;
    private long globalIndex;

    public ProjectionHarness() {
        this(h2(), "h2");
    }

    private ProjectionHarness(DataSource dataSource, String vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .load()
                .migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.writes = new ViewWrites(new NamedParameterJdbcTemplate(dataSource));
    }

    public static ProjectionHarness onPostgres() {
        return new ProjectionHarness(postgres(), "postgresql");
    }

    /** A fresh, empty in-memory H2 database (its Flyway locations: {@code db/migration/h2}). */
    public static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:projection-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** A fresh, empty schema of the machine's PostgreSQL (its Flyway locations: {@code db/migration/postgresql}). */
    public static DataSource postgres() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestDatabases.postgresUrl());
        dataSource.setUser(TestDatabases.postgresUser());
        dataSource.setPassword(TestDatabases.postgresPassword());
        dataSource.setCurrentSchema(TestDatabases.newPostgresSchema());
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public ViewWrites writes() {
        return writes;
    }

    /** Seals as the command side does, under client keys this harness keeps in memory. */
    public Sealer sealer() {
        return sealer;
    }

    /** Destroys the client's key behind a fence, as an erasure does: what {@link #sealer()} sealed for it reads as erased. */
    public void eraseKeyOf(String clientId) {
        keys.erase(clientId, "erasure-of-" + clientId);
    }

    /** What views read confidential texts with: opens what {@link #sealer()} sealed. */
    public ConfidentialTexts texts() {
        return new ConfidentialTexts(sealer);
    }

    /** The projection under test, built on this harness's database. */
    public <P> P project(Function<ViewWrites, P> projection) {
        P instance = projection.apply(writes);
        handler = new AnnotationEventHandlerAdapter(instance);
        return instance;
    }

    public boolean handles(Class<?> eventType) {
        return handler.canHandleType(eventType);
    }

    public void tell(EngagementStory story) {
        story.steps().forEach(step -> tell(story.engagementId(), step));
    }

    public void tell(String engagementId, Step step) {
        handle(events.engagement(engagementId, step));
    }

    public void tellCoach(CoachRegistered event) {
        handle(events.coach(EngagementStory.HR, event));
    }

    /** An event of a client's erasure record (stream {@code client:<id>}), as compliance causes it. */
    public void tellClient(String clientId, Object event) {
        handle(events.client(clientId, Step.of(EngagementStory.COMPLIANCE, event)));
    }

    /**
     * Tells a step as Axon's JDBC store delivers an event that committed after later ones: stored at
     * {@code storedAt} (a gap the harness left, see {@link #leaveGap()}), with the stream's token, whose
     * index is the highest seen so far, not the event's own.
     */
    public void tellFillingAGap(String engagementId, Step step, long storedAt) {
        DomainEventMessage<?> message = events.engagement(engagementId, step);
        jdbc.sql("INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier,"
                        + " payload, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        storedAt,
                        engagementId,
                        message.getSequenceNumber(),
                        message.getIdentifier(),
                        new byte[0],
                        message.getPayloadType().getName(),
                        message.getTimestamp().toString())
                .update();
        deliver(new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(globalIndex, List.of()), message));
    }

    /** Skips a global index, as a transaction still committing leaves one; answers it. */
    public long leaveGap() {
        return ++globalIndex;
    }

    /** The global index the next event gets; the first event of the harness has index 1. */
    public long nextGlobalIndex() {
        return globalIndex + 1;
    }

    /** The stories' events interleaved step by step, as a processor meets concurrent engagements; not delivered yet. */
    public List<TrackedEventMessage<?>> interleaved(List<EngagementStory> stories) {
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        int longest =
                stories.stream().mapToInt(story -> story.steps().size()).max().orElse(0);
        for (int step = 0; step < longest; step++) {
            for (EngagementStory story : stories) {
                if (step < story.steps().size()) {
                    messages.add(track(events.engagement(
                            story.engagementId(), story.steps().get(step))));
                }
            }
        }
        return messages;
    }

    /** Hands the events over one at a time, each outside any unit of work. */
    public void deliverOneByOne(List<TrackedEventMessage<?>> messages) {
        messages.forEach(this::deliver);
    }

    /** Hands the events over as a processor does: {@code size} at a time, each batch in one unit of work. */
    public void deliverInBatches(List<TrackedEventMessage<?>> messages, int size) {
        for (int from = 0; from < messages.size(); from += size) {
            List<TrackedEventMessage<?>> batch = messages.subList(from, Math.min(messages.size(), from + size));
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> handler.handle(unitOfWork.getMessage()));
            if (result.isExceptional()) {
                throw new IllegalStateException("batch from event " + from + " failed", result.exceptionResult());
            }
            delivered.addAll(batch);
        }
    }

    /** Every row of the view's tables, table by table and sorted, as text: equal for equal contents. */
    public List<String> rowsOf(ViewTables tables) {
        return tables.names().stream()
                .flatMap(table -> jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream()
                        .map(row -> table + " " + row)
                        .sorted(Comparator.naturalOrder()))
                .toList();
    }

    /** Every value of every row of the view's tables, as text: what a leak check searches. */
    public String contentsOf(ViewTables tables) {
        return tables.names().stream()
                .flatMap(table -> jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream())
                .flatMap(row -> row.values().stream().map(String::valueOf))
                .collect(Collectors.joining("\n"));
    }

    /** Hands every event over again, in order, as a processor does when a batch is retried. */
    public void redeliverAll() {
        List.copyOf(delivered).forEach(this::deliver);
    }

    private void handle(DomainEventMessage<?> message) {
        deliver(track(message));
    }

    private TrackedEventMessage<?> track(DomainEventMessage<?> message) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(++globalIndex), message);
    }

    private void deliver(TrackedEventMessage<?> message) {
        try {
            handler.handle(message);
            delivered.add(message);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "projection failed on " + message.getPayloadType().getSimpleName(), e);
        }
    }
}
