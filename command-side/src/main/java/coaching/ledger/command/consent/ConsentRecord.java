package coaching.ledger.command.consent;

import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;

import java.time.Instant;
import java.util.Set;

/**
 * A consent as the engagement knows it, with the grant event a disclosure under it must cite, the
 * grant as its repeat must find it, and the client's version of its revocation (null while in force).
 */
public record ConsentRecord(
        String consentId,
        Audience audience,
        Set<Scope> scopes,
        Instant validUntil,
        String purpose,
        String grantEventId,
        long grantSequence,
        Recorded grant,
        Long revocationVersion) {

    public boolean revoked() {
        return revocationVersion != null;
    }

    public boolean covers(Audience wanted, Scope scope) {
        return audience == wanted && scopes.contains(scope);
    }

    public boolean expiredAt(Instant moment) {
        return validUntil != null && !moment.isBefore(validUntil);
    }

    public boolean inForceAt(Instant moment) {
        return !revoked() && !expiredAt(moment);
    }

    ConsentRecord revoke(long version) {
        return new ConsentRecord(
                consentId, audience, scopes, validUntil, purpose, grantEventId, grantSequence, grant, version);
    }
}
