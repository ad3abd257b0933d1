package coaching.ledger.command.legalhold;

import coaching.ledger.command.receipts.Decision;
import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import coaching.ledger.kernel.erasure.PlaceLegalHold;
import coaching.ledger.kernel.erasure.ReleaseLegalHold;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal holds of one engagement. A hold id is used once: placing it again with the same reason is
 * a repeat, with another reason a conflict; a released hold stays released. The decisions only read
 * this state; the {@code on} methods change it, from recorded events only.
 */
public final class LegalHolds {

    /** Receipts of compliance, who is no party, carry no version: no party view shows a hold. */
    public static final long NO_VERSION = -1;

    private final Map<String, String> reasons = new HashMap<>();
    private final Set<String> inForce = new HashSet<>();

    /** Compliance ({@code actor}) places a hold at {@code at}. */
    public Decision place(PlaceLegalHold command, Actor actor, Instant at) {
        String holdId = command.holdId();
        String reason = reasons.get(holdId);
        if (reason != null) {
            if (!reason.equals(command.reason())) {
                throw Recorded.usedOnce("legal hold " + holdId + " was placed with another reason");
            }
            return Decision.repeat(Receipt.repeated(holdId, NO_VERSION));
        }
        return Decision.record(
                new LegalHoldPlaced(command.engagementId(), holdId, command.reason(), actor.id(), at), holdId);
    }

    /** Compliance releases a hold in force. */
    public Decision release(ReleaseLegalHold command, Actor actor, Instant at) {
        if (!inForce.contains(command.holdId())) {
            throw Rejection.conflict(
                    "no legal hold " + command.holdId() + " is in force on engagement " + command.engagementId());
        }
        return Decision.record(
                new LegalHoldReleased(command.engagementId(), command.holdId(), actor.id(), at), command.holdId());
    }

    // --- state, changed by recorded events only -----------------------------------------------

    public void on(LegalHoldPlaced event) {
        reasons.put(event.holdId(), event.reason());
        inForce.add(event.holdId());
    }

    public void on(LegalHoldReleased event) {
        inForce.remove(event.holdId());
    }
}
