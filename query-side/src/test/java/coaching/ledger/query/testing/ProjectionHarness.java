package coaching.ledger.query.testing;

import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.query.support.ViewTables;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feeds events to one projection as its streaming processor would (tracked messages with a global
 * index, aggregate sequence and actor metadata), against a fresh in-memory H2 database migrated
 * with the real view schema. No Spring, no event store.
 */
public final class ProjectionHarness {

    private final JdbcClient jdbc;
    private final LedgerEvents events = new LedgerEvents();
    private final List<TrackedEventMessage<?>> delivered = new ArrayList<>();
    private AnnotationEventHandlerAdapter handler;
    private long globalIndex;

    public ProjectionHarness() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:projection-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** The projection under test, built on this harness's database. */
    public <P> P project(Function<JdbcClient, P> projection) {
        P instance = projection.apply(jdbc);
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

    /** The global index the next event gets; the first event of the harness has index 1. */
    public long nextGlobalIndex() {
        return globalIndex + 1;
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
        deliver(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(++globalIndex), message));
    }

    private void deliver(TrackedEventMessage<?> message) {
        try {
            handler.handle(message);
            delivered.add(message);
        } catch (Exception e) {
            throw new IllegalStateException("projection failed on " + message.getPayloadType().getSimpleName(), e);
        }
    }
}
