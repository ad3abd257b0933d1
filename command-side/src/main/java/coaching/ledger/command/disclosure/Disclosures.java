package coaching.ledger.command.disclosure;

import coaching.ledger.command.consent.ConsentRecord;
import coaching.ledger.command.consent.Consents;
import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.platform.fingerprint.Fingerprints;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Updates the boss or HR asked for, and updates shared with them: shared only under a consent in
 * force at this point of the engagement's history (no disclosure without consent), otherwise
 * recorded as {@link DisclosureRefused}, without its content. A request's message and an update's
 * content are recorded sealed under the key of the engagement's client ({@code clientId}).
 */
public final class Disclosures {

    private final Map<String, Recorded> requests = new HashMap<>();
    private final Map<String, UpdateRecord> updates = new HashMap<>();

    // --- decisions ---------------------------------------------------------------------------

    /** The boss asks for an update to himself, HR for one to HR. */
    public Decision request(
            RequestUpdate command,
            Actor requester,
            Status status,
            Fingerprints fingerprints,
            TextSealer sealer,
            String clientId) {
        Audience audience = requester.is(Role.BOSS) ? Audience.BOSS : Audience.HR;
        UpdateRequested inClear = new UpdateRequested(
                command.engagementId(),
                command.requestId(),
                audience,
                requester.id(),
                command.scope(),
                command.message());
        UpdateRequested requested = inClear.sealed(sealer, clientId);
        Recorded earlier = requests.get(command.requestId());
        if (earlier != null) {
            return earlier.repeatOrConflict(
                    fingerprintOf(fingerprints, requested),
                    fingerprintOf(fingerprints, inClear),
                    command.requestId(),
                    "update request " + command.requestId() + " is already made");
        }
        status.requireOpen(command.engagementId());
        return Decision.record(requested, command.requestId());
    }

    /**
     * The client or the selected coach ({@code sharer}, already checked to be one of them) shares an
     * update with {@code recipientId}, the boss or the HR person of the command's audience. A retry of
     * an id answers what its first attempt answered, shared or refused, whatever changed since.
     */
    public Decision share(
            ShareUpdate command,
            Actor sharer,
            Status status,
            Consents consents,
            Instant now,
            String recipientId,
            Fingerprints fingerprints,
            TextSealer sealer,
            String clientId) {
        Consents.Authorization authorization = consents.authorize(command.audience(), command.scope(), now);
        UpdateRecord earlier = updates.get(command.updateId());
        if (earlier != null) {
            UpdateShared inClear = shared(command, sharer, authorization.consent(), now, recipientId);
            return retry(earlier, command, sharer, inClear, inClear.sealed(sealer, clientId), fingerprints);
        }
        if (status == Status.CLOSED) {
            return refuse(command, sharer, RefusalReason.ENGAGEMENT_CLOSED);
        }
        status.requireActive("updates are shared");
        if (!authorization.isAllowed()) {
            return refuse(command, sharer, authorization.refusal());
        }
        return Decision.record(
                shared(command, sharer, authorization.consent(), now, recipientId)
                        .sealed(sealer, clientId),
                command.updateId());
    }

    /**
     * Compares the attempt with the first one by the fingerprint of the event the first one recorded,
     * taken of the event this attempt would record in its place: the refusal, or the update as shared
     * now ({@code sealed}; {@code inClear} as recorded before the ledger sealed confidential text).
     */
    private Decision retry(
            UpdateRecord earlier,
            ShareUpdate command,
            Actor sharer,
            UpdateShared inClear,
            UpdateShared sealed,
            Fingerprints fingerprints) {
        boolean repeat = earlier.refused()
                ? earlier.recorded()
                        .isRepeat(fingerprintOf(
                                fingerprints, refused(command, sharer, RefusalReason.valueOf(earlier.refusal()))))
                : earlier.recorded()
                        .isRepeat(fingerprintOf(fingerprints, sealed), fingerprintOf(fingerprints, inClear));
        if (!repeat) {
            throw Recorded.usedOnce("update " + command.updateId() + " is already used");
        }
        return Decision.repeat(
                earlier.refused()
                        ? Receipt.refused(command.updateId(), earlier.version(), true, earlier.refusal())
                        : Receipt.repeated(command.updateId(), earlier.version()));
    }

    private static Decision refuse(ShareUpdate command, Actor sharer, RefusalReason reason) {
        return Decision.refuse(refused(command, sharer, reason), command.updateId(), reason.name());
    }

    /**
     * The update as shared under {@code consent}; a retry may build it where no consent is in force
     * any more ({@code consent} null): its fingerprint leaves the consent and the moment out.
     */
    private static UpdateShared shared(
            ShareUpdate command, Actor sharer, ConsentRecord consent, Instant now, String recipientId) {
        return new UpdateShared(
                command.engagementId(),
                command.updateId(),
                command.audience(),
                command.scope(),
                command.content(),
                recipientId,
                sharer.id(),
                now,
                consent == null ? null : consent.consentId(),
                consent == null ? null : consent.purpose(),
                consent == null ? null : consent.grantEventId(),
                consent == null ? -1 : consent.grantSequence());
    }

    private static DisclosureRefused refused(ShareUpdate command, Actor sharer, RefusalReason reason) {
        return new DisclosureRefused(
                command.engagementId(), command.updateId(), command.audience(), command.scope(), sharer.id(), reason);
    }

    // --- state, changed by recorded events only -----------------------------------------------

    public void on(UpdateRequested event, long requesterVersion, Fingerprints fingerprints) {
        requests.put(event.requestId(), new Recorded(fingerprintOf(fingerprints, event), requesterVersion));
    }

    public void on(UpdateShared event, long sharerVersion, Fingerprints fingerprints) {
        updates.put(
                event.updateId(),
                new UpdateRecord(new Recorded(fingerprintOf(fingerprints, event), sharerVersion), null));
    }

    public void on(DisclosureRefused event, long actorVersion, Fingerprints fingerprints) {
        if (event.reason() == RefusalReason.NOT_SELECTED_COACH) {
            return; // no longer recorded; one recorded before never keeps the id from the selected coach
        }
        updates.put(
                event.updateId(),
                new UpdateRecord(
                        new Recorded(fingerprintOf(fingerprints, event), actorVersion),
                        event.reason().name()));
    }

    // --- fingerprints: one per event, for the stored event and the would-be one alike ----------

    private static String fingerprintOf(Fingerprints fingerprints, UpdateRequested event) {
        return fingerprints.of(event);
    }

    /** Who shared what to whom; the consent cited and the moment depend on when it was judged. */
    private static String fingerprintOf(Fingerprints fingerprints, UpdateShared event) {
        return fingerprints.of("UpdateShared", event.sharedBy(), event.audience(), event.scope(), event.content());
    }

    /** A refusal keeps no content: a retry of it is recognised by its actor, audience and scope. */
    private static String fingerprintOf(Fingerprints fingerprints, DisclosureRefused event) {
        return fingerprints.of("DisclosureRefused", event.actor(), event.audience(), event.scope());
    }
}
