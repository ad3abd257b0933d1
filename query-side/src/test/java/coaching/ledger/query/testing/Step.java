package coaching.ledger.query.testing;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.kernel.sessions.SessionLogged;

import java.util.UUID;

/** One event of a test story: who caused it, the event, and its id (chosen up front so later events can cite it). */
public record Step(Actor actor, Object event, String eventId) {

    public static Step of(Actor actor, Object event) {
        return new Step(actor, event, UUID.randomUUID().toString());
    }

    /**
     * This step as the command side records it since issue 14: its event's confidential text sealed
     * under the key of the engagement's client (same id; an event without such text stays as it is).
     */
    public Step sealed(TextSealer sealer, String clientId) {
        return new Step(actor, sealedEvent(sealer, clientId), eventId);
    }

    private Object sealedEvent(TextSealer sealer, String clientId) {
        if (event instanceof SessionLogged logged) {
            return logged.sealed(sealer, clientId);
        }
        if (event instanceof UpdateShared shared) {
            return shared.sealed(sealer, clientId);
        }
        if (event instanceof UpdateRequested requested) {
            return requested.sealed(sealer, clientId);
        }
        if (event instanceof UpdateConsentRevoked revoked) {
            return revoked.sealed(sealer, clientId);
        }
        if (event instanceof SatisfactionRecorded recorded) {
            return recorded.sealed(sealer, clientId);
        }
        if (event instanceof EngagementClosed closed) {
            return closed.sealed(sealer, clientId);
        }
        return event;
    }
}
