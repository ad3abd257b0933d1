package coaching.ledger.kernel.erasure;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record LegalHoldPlaced(String engagementId, String holdId, String reason, String placedBy, Instant placedAt) {}
