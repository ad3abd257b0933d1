package coaching.ledger.command.consent;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RefusalReason;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consents of one engagement, in the engagement's own event order, and the core rule of the
 * ledger: which consent (if any) allows an update to an audience and scope at a given moment.
 */
public class Consents {

    private final Map<String, ConsentRecord> byId = new LinkedHashMap<>();

    public Optional<ConsentRecord> find(String consentId) {
        return Optional.ofNullable(byId.get(consentId));
    }

    public void granted(ConsentRecord consent) {
        byId.put(consent.consentId(), consent);
    }

    public void revoked(String consentId, long version) {
        byId.computeIfPresent(consentId, (id, consent) -> consent.revoke(version));
    }

    /** Consents neither revoked nor expired at that moment: the ones closing the engagement ends. */
    public List<String> inForceAt(Instant moment) {
        return byId.values().stream().filter(consent -> consent.inForceAt(moment)).map(ConsentRecord::consentId).toList();
    }

    /**
     * The consent an update to this audience and scope may rely on at this moment (the most recently
     * granted one if several do), or why there is none.
     */
    public Authorization authorize(Audience audience, Scope scope, Instant moment) {
        if (byId.isEmpty()) {
            return Authorization.refused(RefusalReason.NO_CONSENT);
        }
        List<ConsentRecord> forAudience = byId.values().stream().filter(c -> c.audience() == audience).toList();
        if (forAudience.isEmpty()) {
            return Authorization.refused(RefusalReason.AUDIENCE_NOT_COVERED);
        }
        List<ConsentRecord> covering = forAudience.stream().filter(c -> c.covers(audience, scope)).toList();
        if (covering.isEmpty()) {
            return Authorization.refused(RefusalReason.SCOPE_NOT_COVERED);
        }
        Optional<ConsentRecord> inForce = covering.stream()
                .filter(c -> c.inForceAt(moment))
                .max(Comparator.comparingLong(ConsentRecord::grantSequence));
        if (inForce.isPresent()) {
            return Authorization.allowed(inForce.get());
        }
        boolean anyExpiredButNotRevoked = covering.stream().anyMatch(c -> !c.revoked() && c.expiredAt(moment));
        return Authorization.refused(anyExpiredButNotRevoked ? RefusalReason.CONSENT_EXPIRED : RefusalReason.CONSENT_REVOKED);
    }

    /** Either the consent that allows a disclosure, or the reason it is refused. */
    public record Authorization(ConsentRecord consent, RefusalReason refusal) {

        static Authorization allowed(ConsentRecord consent) {
            return new Authorization(consent, null);
        }

        static Authorization refused(RefusalReason reason) {
            return new Authorization(null, reason);
        }

        public boolean isAllowed() {
            return consent != null;
        }
    }
}
