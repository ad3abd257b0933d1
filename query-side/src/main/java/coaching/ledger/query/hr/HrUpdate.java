package coaching.ledger.query.hr;

import coaching.ledger.kernel.consent.Scope;

import java.time.Instant;

public record HrUpdate(
        String updateId,
        Scope scope,
        String content,
        String recipientId,
        Instant sharedAt,
        String sharedBy,
        String consentId) {}
