package coaching.ledger.query.projections.deadletters;

import coaching.ledger.query.rows.Failures;
import coaching.ledger.query.rows.ViewWriteFailed;
import coaching.ledger.query.rows.ViewWrites;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * What a view does with an event its handler failed on (or failed on again, when retried).
 * <ul>
 * <li>The database was unreachable or busy: nothing is wrong with the event, so it is not parked;
 * the failure goes on, the batch rolls back and the processor tries it again later.</li>
 * <li>Otherwise the event is parked, and what its handlers had written is taken back first.</li>
 * </ul>
 * The cause kept with it is the failure's types and SQLState, never its message: a database's
 * message may quote the values written, confidential ones included ({@link Failures}).
 */
class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private final ViewWrites writes;

    ParkingPolicy(ViewWrites writes) {
        this.writes = writes;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (Failures.isTransient(cause)) {
            throw cause instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(Failures.describe(cause));
        }
        writes.discard(letter.message());
        String type = cause instanceof ViewHandlingFailed failed
                ? failed.failureType()
                : cause.getClass().getName();
        return Decisions.enqueue(new ThrowableCause(type, safeMessage(cause)));
    }

    /** Already safe when described by the views themselves; else described by types and SQLState only. */
    private static String safeMessage(Throwable cause) {
        String message = cause instanceof ViewWriteFailed || cause instanceof ViewHandlingFailed
                ? cause.getMessage()
                : Failures.describe(cause);
        return message.length() <= ThrowableCause.TRUNCATED_MESSAGE_SIZE
                ? message
                : message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
    }
}
