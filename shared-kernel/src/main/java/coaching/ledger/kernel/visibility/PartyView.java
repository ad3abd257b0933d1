package coaching.ledger.kernel.visibility;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.sessions.SessionLogged;

import java.util.Optional;

/**
 * The views of the four parties to an engagement, and which of its events each one shows.
 *
 * <p>A party's {@code version} of an engagement counts only the events its view shows: it is the
 * number of those events minus one (so the opening is version 0 everywhere). The client sees every
 * event of its engagement but legal holds, which are compliance's alone: a hold may serve an
 * investigation no party may be tipped off about, so no party view shows one. Counting only what a view shows is
 * what keeps the version from telling a boss that a session was logged. The write side answers
 * every command with its actor's version by this same rule, and every view moves its version by
 * it, so "wait until my view reaches the version of my receipt" holds for every party.
 */
public enum PartyView {
    CLIENT,
    COACH,
    BOSS,
    HR;

    /** The view a principal of this role reads, if the role is a party to engagements. */
    public static Optional<PartyView> of(Role role) {
        return switch (role) {
            case CLIENT -> Optional.of(CLIENT);
            case COACH -> Optional.of(COACH);
            case BOSS -> Optional.of(BOSS);
            case HR -> Optional.of(HR);
            default -> Optional.empty();
        };
    }

    /** Whether this view shows the event, and so whether the event moves this view's version. */
    public boolean shows(Object event) {
        if (event instanceof EngagementOpened
                || event instanceof CoachesShortlisted
                || event instanceof CoachSelected
                || event instanceof BudgetApproved
                || event instanceof EngagementClosed) {
            return true; // the lifecycle: every party sees status, coach and budget
        }
        if (this == CLIENT) {
            return event instanceof SessionLogged
                    || event instanceof UpdateConsentGranted
                    || event instanceof UpdateConsentRevoked
                    || event instanceof UpdateRequested
                    || event instanceof UpdateShared
                    || event instanceof DisclosureRefused
                    || event instanceof SatisfactionRecorded;
        }
        if (this == COACH) {
            // sessions, the consents that say what may be shared, open requests, and which updates
            // were shared (never their content): the coach works inside the relationship
            return event instanceof SessionLogged
                    || event instanceof UpdateConsentGranted
                    || event instanceof UpdateConsentRevoked
                    || event instanceof UpdateRequested
                    || event instanceof UpdateShared;
        }
        if (event instanceof UpdateShared shared) {
            return shared.audience() == audience();
        }
        return this == HR && event instanceof SatisfactionRecorded; // HR sees the score, never the comment
    }

    private Audience audience() {
        return this == BOSS ? Audience.BOSS : Audience.HR;
    }
}
