package coaching.ledger.kernel.erasure;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record LegalHoldReleased(String engagementId, String holdId, String releasedBy, Instant releasedAt) {}
