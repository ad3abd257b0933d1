package coaching.ledger.query.engagement;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;

import java.time.Instant;

/** An update the boss or HR asked for that no update of that audience and scope answered yet. */
public record OpenUpdateRequest(
        String requestId, Audience audience, Scope scope, String message, String requestedBy, Instant requestedAt) {}
