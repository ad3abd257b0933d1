package coaching.ledger.command.engagement;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.platform.fingerprint.Fingerprints;

/**
 * What became of an update id: shared or refused, by whom, and the version its receipt answered. A
 * shared update is remembered by a fingerprint of who shared what to whom; a refusal keeps no
 * content, so a retry of a refused update is recognised by its actor, audience and scope.
 */
record UpdateRecord(Recorded recorded, String refusal) {

    static UpdateRecord shared(UpdateShared event, long version, Fingerprints fingerprints) {
        return new UpdateRecord(new Recorded(
                sharedFingerprint(fingerprints, event.sharedBy(), event.audience(), event.scope(), event.content()),
                version), null);
    }

    static UpdateRecord refused(DisclosureRefused event, long version, Fingerprints fingerprints) {
        return new UpdateRecord(new Recorded(
                refusedFingerprint(fingerprints, event.actor(), event.audience(), event.scope()), version),
                event.reason().name());
    }

    /** A retry by the same actor of the same update; anything else reusing the id is a conflict. */
    boolean isRetryOf(ShareUpdate command, Actor actor, Fingerprints fingerprints) {
        return recorded.isRepeat(refusal == null
                ? sharedFingerprint(fingerprints, actor.id(), command.audience(), command.scope(), command.content())
                : refusedFingerprint(fingerprints, actor.id(), command.audience(), command.scope()));
    }

    long version() {
        return recorded.version();
    }

    private static String sharedFingerprint(Fingerprints fingerprints, String sharedBy, Audience audience, Scope scope,
                                            String content) {
        return fingerprints.of("UpdateShared", sharedBy, audience, scope, content);
    }

    private static String refusedFingerprint(Fingerprints fingerprints, String actor, Audience audience, Scope scope) {
        return fingerprints.of("DisclosureRefused", actor, audience, scope);
    }
}
