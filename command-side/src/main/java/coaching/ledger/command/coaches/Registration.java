package coaching.ledger.command.coaches;

import coaching.ledger.command.receipts.Decision;
import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.coaches.RegisterCoach;
import coaching.ledger.platform.fingerprint.Fingerprints;

/**
 * Only HR registers a coach, once. The same HR person registering the same coach again with the same
 * content is a no-op; other content, or another HR person, is a conflict. A registration answers
 * version 0: it belongs to no engagement.
 */
final class Registration {

    private Registration() {}

    /** {@code earlierFingerprint}: the coach's registration as {@link #fingerprintOf} took it, or null if none. */
    static Decision register(RegisterCoach command, Actor actor, String earlierFingerprint, Fingerprints fingerprints) {
        if (!actor.is(Role.HR)) {
            throw Rejection.forbidden("role " + actor.role() + " may not register coaches");
        }
        CoachRegistered registered = new CoachRegistered(
                command.coachId(),
                command.displayName(),
                command.certifications(),
                command.yearsExperience(),
                command.specialties());
        if (earlierFingerprint != null) {
            return new Recorded(earlierFingerprint, 0)
                    .repeatOrConflict(
                            fingerprintOf(fingerprints, actor.id(), registered),
                            command.coachId(),
                            "coach " + command.coachId() + " is already registered");
        }
        return Decision.record(registered, command.coachId());
    }

    /** For the stored event and the would-be one alike; the event does not say which HR person registered, its metadata does. */
    static String fingerprintOf(Fingerprints fingerprints, String actorId, CoachRegistered event) {
        return fingerprints.of(actorId, event);
    }
}
