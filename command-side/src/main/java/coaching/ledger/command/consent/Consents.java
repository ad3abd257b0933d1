package coaching.ledger.command.consent;

import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.GrantUpdateConsent;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.platform.fingerprint.Fingerprints;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consents of one engagement, in the engagement's own event order, and the core rule of the
 * ledger, no disclosure without consent: which consent (if any) allows an update to an audience and
 * scope at a given moment. Only the client grants and revokes.
 */
public class Consents {

    private final Map<String, ConsentRecord> byId = new LinkedHashMap<>();

    // --- decisions ---------------------------------------------------------------------------

    /** The client ({@code client}) grants a consent, valid until a moment after {@code now} if it names one. */
    public Decision grant(
            GrantUpdateConsent command, Actor client, Status status, Instant now, Fingerprints fingerprints) {
        UpdateConsentGranted granted = new UpdateConsentGranted(
                command.engagementId(),
                command.consentId(),
                client.id(),
                command.audience(),
                EnumSet.copyOf(command.scopes()),
                command.validUntil(),
                command.purpose(),
                command.noticeVersion());
        Optional<ConsentRecord> existing = find(command.consentId());
        if (existing.isPresent()) {
            return existing.get()
                    .grant()
                    .repeatOrConflict(
                            fingerprintOf(fingerprints, granted),
                            command.consentId(),
                            "consent " + command.consentId() + " is already granted");
        }
        status.requireOpen(command.engagementId());
        if (command.validUntil() != null && !command.validUntil().isAfter(now)) {
            throw Rejection.invalid("validUntil", "must be in the future");
        }
        return Decision.record(granted, command.consentId());
    }

    /**
     * The client ({@code clientId}) revokes a consent, its reason sealed under the client's key; one
     * that ended with the engagement's closure cannot be. Revoking again is a repeat whatever the reason.
     */
    public Decision revoke(RevokeUpdateConsent command, Status status, TextSealer sealer, String clientId) {
        ConsentRecord consent = find(command.consentId())
                .orElseThrow(() -> Rejection.notFound("no consent " + command.consentId() + " on this engagement"));
        if (consent.revoked()) {
            return Decision.repeat(Receipt.repeated(command.consentId(), consent.revocationVersion()));
        }
        if (status == Status.CLOSED) {
            throw Rejection.conflict("consent " + command.consentId() + " already ended with the engagement");
        }
        return Decision.record(
                new UpdateConsentRevoked(command.engagementId(), command.consentId(), command.reason())
                        .sealed(sealer, clientId),
                command.consentId());
    }

    /** Consents neither revoked nor expired at that moment: the ones closing the engagement ends. */
    public List<String> inForceAt(Instant moment) {
        return byId.values().stream()
                .filter(consent -> consent.inForceAt(moment))
                .map(ConsentRecord::consentId)
                .toList();
    }

    /**
     * The consent an update to this audience and scope may rely on at this moment (the most recently
     * granted one if several do), or why there is none.
     */
    public Authorization authorize(Audience audience, Scope scope, Instant moment) {
        if (byId.isEmpty()) {
            return Authorization.refused(RefusalReason.NO_CONSENT);
        }
        List<ConsentRecord> forAudience =
                byId.values().stream().filter(c -> c.audience() == audience).toList();
        if (forAudience.isEmpty()) {
            return Authorization.refused(RefusalReason.AUDIENCE_NOT_COVERED);
        }
        List<ConsentRecord> covering =
                forAudience.stream().filter(c -> c.covers(audience, scope)).toList();
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
        return Authorization.refused(
                anyExpiredButNotRevoked ? RefusalReason.CONSENT_EXPIRED : RefusalReason.CONSENT_REVOKED);
    }

    Optional<ConsentRecord> find(String consentId) {
        return Optional.ofNullable(byId.get(consentId));
    }

    // --- state, changed by recorded events only -----------------------------------------------

    /** {@code eventId} and {@code sequence}: the grant event's, which a disclosure under it cites. */
    public void on(
            UpdateConsentGranted event, String eventId, long sequence, long clientVersion, Fingerprints fingerprints) {
        byId.put(
                event.consentId(),
                new ConsentRecord(
                        event.consentId(),
                        event.audience(),
                        event.scopes(),
                        event.validUntil(),
                        event.purpose(),
                        eventId,
                        sequence,
                        new Recorded(fingerprintOf(fingerprints, event), clientVersion),
                        null));
    }

    public void on(UpdateConsentRevoked event, long clientVersion) {
        byId.computeIfPresent(event.consentId(), (id, consent) -> consent.revoke(clientVersion));
    }

    /** For the stored event and the would-be one alike. */
    private static String fingerprintOf(Fingerprints fingerprints, UpdateConsentGranted event) {
        return fingerprints.of(event);
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
