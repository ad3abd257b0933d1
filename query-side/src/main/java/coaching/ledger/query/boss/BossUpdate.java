package coaching.ledger.query.boss;

import coaching.ledger.kernel.consent.Scope;

import java.time.Instant;

public record BossUpdate(
        String updateId, Scope scope, String content, Instant sharedAt, String sharedBy, String consentId) {}
