package coaching.ledger.command.lifecycle;

import coaching.ledger.kernel.Rejection;

/**
 * Where an engagement stands: opened, coaches shortlisted, active once a coach is selected and the
 * budget approved, closed. Several capabilities take commands only at some stages.
 */
public enum Status {
    OPENED,
    SHORTLISTED,
    ACTIVE,
    CLOSED;

    /** Anything may be recorded until the engagement is closed. */
    public void requireOpen(String engagementId) {
        if (this == CLOSED) {
            throw Rejection.conflict("engagement " + engagementId + " is closed");
        }
    }

    /** {@code what} is done only while the engagement is active ("sessions are logged"). */
    public void requireActive(String what) {
        if (this != ACTIVE) {
            throw Rejection.conflict(what + " only while the engagement is ACTIVE; it is " + this);
        }
    }
}
