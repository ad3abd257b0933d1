package coaching.ledger.command.engagement;

import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.disclosure.UpdateShared;

/**
 * What became of an update id: shared (remembered by a fingerprint of its content) or refused. A
 * refusal keeps no content, so a retry of a refused update is recognised by audience and scope.
 */
record UpdateRecord(String target, String contentFingerprint, String refusal) {

    static UpdateRecord shared(UpdateShared event) {
        return new UpdateRecord(Fingerprint.of(event.audience(), event.scope()), Fingerprint.of(event.content()), null);
    }

    static UpdateRecord refused(DisclosureRefused event) {
        return new UpdateRecord(Fingerprint.of(event.audience(), event.scope()), null, event.reason().name());
    }

    boolean isRetryOf(ShareUpdate command) {
        return target.equals(Fingerprint.of(command.audience(), command.scope()))
                && (refusal != null || contentFingerprint.equals(Fingerprint.of(command.content())));
    }
}
