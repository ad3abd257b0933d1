package coaching.ledger.query.client;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RefusalReason;

import java.time.Instant;

/** An update about the client that no consent allowed: nothing of it reached anyone. */
public record Refusal(
        String updateId, Audience audience, Scope scope, String attemptedBy, RefusalReason reason, Instant refusedAt) {}
