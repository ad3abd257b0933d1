package coaching.ledger.command.sessions;

import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.sessions.LogSession;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.fingerprint.Fingerprints;

import java.util.HashMap;
import java.util.Map;

/**
 * The sessions the selected coach has logged, each by its id, and the rule that no more are logged
 * than the boss approved. Notes never leave client and coach: they are recorded sealed under the
 * client's key, and only a fingerprint of the recorded event is kept here.
 */
public final class SessionLog {

    private final Map<String, Recorded> sessions = new HashMap<>();

    /**
     * The selected coach ({@code coach}) logs a session while the engagement is active, within the
     * approved {@code budget} (null before one is approved, never read then); the notes are sealed
     * for the engagement's client ({@code clientId}).
     */
    public Decision log(
            LogSession command,
            Actor coach,
            Status status,
            BudgetApproved budget,
            Fingerprints fingerprints,
            TextSealer sealer,
            String clientId) {
        SessionLogged inClear = new SessionLogged(
                command.engagementId(),
                command.sessionId(),
                coach.id(),
                command.heldOn(),
                command.durationMinutes(),
                command.notes());
        SessionLogged logged = inClear.sealed(sealer, clientId);
        Recorded earlier = sessions.get(command.sessionId());
        if (earlier != null) {
            return earlier.repeatOrConflict(
                    fingerprintOf(fingerprints, logged),
                    fingerprintOf(fingerprints, inClear),
                    command.sessionId(),
                    "session " + command.sessionId() + " is already logged");
        }
        status.requireActive("sessions are logged");
        if (sessions.size() >= budget.sessions()) {
            throw Rejection.conflict("budget exhausted: all " + budget.sessions() + " approved sessions are logged");
        }
        return Decision.record(logged, command.sessionId());
    }

    public void on(SessionLogged event, long coachVersion, Fingerprints fingerprints) {
        sessions.put(event.sessionId(), new Recorded(fingerprintOf(fingerprints, event), coachVersion));
    }

    /** For the stored event and the would-be one alike. */
    private static String fingerprintOf(Fingerprints fingerprints, SessionLogged event) {
        return fingerprints.of(event);
    }
}
