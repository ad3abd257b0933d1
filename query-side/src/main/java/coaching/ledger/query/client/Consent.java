package coaching.ledger.query.client;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.query.engagement.ConsentState;

import java.time.Instant;
import java.util.List;

/**
 * {@code stateChangedAt} is when it was revoked or ended; an expiry is at {@code validUntil}.
 * {@code noticeVersion} is the consent notice the client was shown (null for grants before it was recorded).
 */
public record Consent(
        String consentId,
        Audience audience,
        List<Scope> scopes,
        Instant validUntil,
        String purpose,
        String noticeVersion,
        Instant grantedAt,
        ConsentState state,
        Instant stateChangedAt,
        String revokeReason) {}
