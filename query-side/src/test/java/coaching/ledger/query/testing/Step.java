package coaching.ledger.query.testing;

import coaching.ledger.kernel.Actor;

import java.util.UUID;

/** One event of a test story: who caused it, the event, and its id (chosen up front so later events can cite it). */
public record Step(Actor actor, Object event, String eventId) {

    public static Step of(Actor actor, Object event) {
        return new Step(actor, event, UUID.randomUUID().toString());
    }
}
