package coaching.ledger.command.consent;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;

import java.time.Instant;
import java.util.Set;

/** A consent as the engagement knows it, with the grant event a disclosure under it must cite. */
public record ConsentRecord(
        String consentId,
        Audience audience,
        Set<Scope> scopes,
        Instant validUntil,
        String purpose,
        String grantEventId,
        long grantSequence,
        String fingerprint,
        boolean revoked) {

    public boolean covers(Audience wanted, Scope scope) {
        return audience == wanted && scopes.contains(scope);
    }

    public boolean expiredAt(Instant moment) {
        return validUntil != null && !moment.isBefore(validUntil);
    }

    public boolean inForceAt(Instant moment) {
        return !revoked && !expiredAt(moment);
    }

    ConsentRecord revoke() {
        return new ConsentRecord(consentId, audience, scopes, validUntil, purpose, grantEventId, grantSequence,
                fingerprint, true);
    }
}
