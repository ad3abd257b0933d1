package coaching.ledger.query.client;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;

import java.time.Instant;

public record Disclosure(
        String updateId,
        Audience audience,
        String recipientId,
        Scope scope,
        String content,
        String sharedBy,
        Instant sharedAt,
        String consentId,
        String purpose) {}
