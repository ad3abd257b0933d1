package coaching.ledger.command.closure;

import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.platform.fingerprint.Fingerprints;

import java.util.List;

/**
 * The end of an engagement: the client's satisfaction (rated again at will, once it has been active),
 * and its closure by HR or the boss, which ends every consent still in force. The client's comment and
 * the closer's reason are recorded sealed under the key of the engagement's client ({@code clientId}).
 */
public final class Closure {

    private Outcome closedAs;
    private Recorded closure;
    private Recorded latestSatisfaction;

    // --- decisions ---------------------------------------------------------------------------

    /** The client rates; repeating the latest rating records nothing. */
    public Decision rate(
            RecordSatisfaction command,
            Status status,
            boolean hasBeenActive,
            Fingerprints fingerprints,
            TextSealer sealer,
            String clientId) {
        SatisfactionRecorded inClear =
                new SatisfactionRecorded(command.engagementId(), command.score(), command.comment());
        SatisfactionRecorded rated = inClear.sealed(sealer, clientId);
        if (latestSatisfaction != null
                && latestSatisfaction.isRepeat(
                        fingerprintOf(fingerprints, rated), fingerprintOf(fingerprints, inClear))) {
            return Decision.repeat(Receipt.repeated(command.engagementId(), latestSatisfaction.version()));
        }
        if (!hasBeenActive) {
            throw Rejection.conflict("satisfaction is rated once the engagement has been ACTIVE; it is " + status);
        }
        return Decision.record(rated, command.engagementId());
    }

    /** HR or the boss ({@code closer}) closes, once; {@code consentsInForce} are the consents it ends. */
    public Decision close(
            CloseEngagement command,
            Actor closer,
            List<String> consentsInForce,
            Fingerprints fingerprints,
            TextSealer sealer,
            String clientId) {
        EngagementClosed inClear = new EngagementClosed(
                command.engagementId(), command.outcome(), command.reason(), closer.id(), consentsInForce);
        EngagementClosed closed = inClear.sealed(sealer, clientId);
        if (closure != null) {
            return closure.repeatOrConflict(
                    fingerprintOf(fingerprints, closed),
                    fingerprintOf(fingerprints, inClear),
                    command.engagementId(),
                    "the engagement is already closed as " + closedAs);
        }
        return Decision.record(closed, command.engagementId());
    }

    public boolean isClosed() {
        return closure != null;
    }

    // --- state, changed by recorded events only -----------------------------------------------

    public void on(SatisfactionRecorded event, long clientVersion, Fingerprints fingerprints) {
        latestSatisfaction = new Recorded(fingerprintOf(fingerprints, event), clientVersion);
    }

    public void on(EngagementClosed event, long closerVersion, Fingerprints fingerprints) {
        closedAs = event.outcome();
        closure = new Recorded(fingerprintOf(fingerprints, event), closerVersion);
    }

    // --- fingerprints: one per event, for the stored event and the would-be one alike ----------

    private static String fingerprintOf(Fingerprints fingerprints, SatisfactionRecorded event) {
        return fingerprints.of(event);
    }

    /**
     * The consents a closure ends depend on the moment; what the closer asked for does not. The reason
     * is taken as recorded: sealed (deterministically, so a retry's would-be event carries the very
     * envelope stored), or in clear if recorded before the ledger sealed confidential text.
     */
    private static String fingerprintOf(Fingerprints fingerprints, EngagementClosed event) {
        return fingerprints.of("EngagementClosed", event.outcome(), event.reason(), event.closedBy());
    }
}
