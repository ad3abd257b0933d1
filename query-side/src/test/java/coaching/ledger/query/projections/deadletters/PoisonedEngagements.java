package coaching.ledger.query.projections.deadletters;

import coaching.ledger.query.boss.BossProjection;
import coaching.ledger.query.rows.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: a second handler in the boss view's processor that fails on one event of the
 * engagements a test poisons, in one of the ways a view can fail. It does nothing for any other.
 */
@Component
@ProcessingGroup(BossProjection.NAME)
public class PoisonedEngagements {

    public enum Failure {
        /** The handler writes the secret into the view, then throws with the secret in the exception's message. */
        HANDLER_THROWS,
        /** As HANDLER_THROWS, but the handler sends its batch's writes (as a handler that reads its view does) first. */
        HANDLER_THROWS_AFTER_FLUSH,
        /** The handler's write is refused only when the batch commits (a value too long, quoted by H2's message). */
        WRITE_REFUSED_AT_COMMIT,
        /** The database seems away: a transient failure, which must not park the event. */
        DATABASE_AWAY
    }

    private record Poison(Failure failure, long version, String secret) {}

    private final ViewWrites writes;
    private final Map<String, Poison> poisoned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public PoisonedEngagements(ViewWrites writes) {
        this.writes = writes;
    }

    /** The engagement's event with sequence number {@code version} fails, until {@link #cure}. */
    public void poison(String engagementId, Failure failure, long version, String secret) {
        poisoned.put(engagementId, new Poison(failure, version, secret));
    }

    public void cure(String engagementId) {
        poisoned.remove(engagementId);
    }

    public void cureAll() {
        poisoned.clear();
    }

    /** How often the poisoned event was handled. */
    public int attempts(String engagementId) {
        return attempts.getOrDefault(engagementId, new AtomicInteger()).get();
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        Poison poison = poisoned.get(message.getAggregateIdentifier());
        if (poison == null || poison.version() != message.getSequenceNumber()) {
            return;
        }
        attempts.computeIfAbsent(message.getAggregateIdentifier(), id -> new AtomicInteger())
                .incrementAndGet();
        switch (poison.failure()) {
            case HANDLER_THROWS -> {
                markShortlist(message.getAggregateIdentifier(), poison.secret());
                throw new IllegalStateException("cannot apply " + poison.secret());
            }
            case HANDLER_THROWS_AFTER_FLUSH -> {
                markShortlist(message.getAggregateIdentifier(), poison.secret());
                writes.flush();
                throw new IllegalStateException("cannot apply " + poison.secret());
            }
            case WRITE_REFUSED_AT_COMMIT ->
                writes.sql(
                                message.getAggregateIdentifier(),
                                "INSERT INTO boss_update (engagement_id, update_id, scope, sequence_number) "
                                        + "VALUES (:engagementId, 'poison', :scope, 0)")
                        .param("engagementId", message.getAggregateIdentifier())
                        .param("scope", "FAR-TOO-LONG-FOR-A-SCOPE " + poison.secret())
                        .execute();
            case DATABASE_AWAY -> throw new TransientDataAccessResourceException("database away " + poison.secret());
        }
    }

    /** A write of the failing event, which must not stay in the view. */
    private void markShortlist(String engagementId, String secret) {
        writes.sql(engagementId, "UPDATE boss_engagement SET shortlist = :secret WHERE engagement_id = :engagementId")
                .param("secret", secret)
                .param("engagementId", engagementId)
                .execute();
    }
}
