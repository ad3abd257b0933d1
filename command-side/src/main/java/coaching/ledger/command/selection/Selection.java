package coaching.ledger.command.selection;

import coaching.ledger.command.coaches.CoachRegistry;
import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.selection.ApproveBudget;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.SelectCoach;
import coaching.ledger.kernel.selection.ShortlistCoaches;
import coaching.ledger.platform.fingerprint.Fingerprints;

import java.util.HashSet;
import java.util.List;

/**
 * How an engagement gets going: HR opens it for a client and their boss, HR shortlists registered
 * coaches, the client selects one of them, the boss approves the budget. The decisions only read this
 * state; the {@code on} methods change it, from recorded events only.
 */
public final class Selection {

    private String clientId;
    private String bossId;
    private String hrId;
    private Recorded opening;
    private List<String> shortlist = List.of();
    private Recorded shortlisting;
    private String selectedCoachId;
    private long selectionVersion;
    private BudgetApproved budget;
    private long budgetVersion;

    // --- decisions ---------------------------------------------------------------------------

    /** HR opens an engagement; {@code actor} is HR, recorded as the engagement's HR person. */
    public Decision open(OpenEngagement command, Actor actor, Fingerprints fingerprints) {
        EngagementOpened opened = new EngagementOpened(
                command.engagementId(),
                command.clientId(),
                command.bossId(),
                actor.id(),
                command.purpose(),
                command.urgency());
        if (opening != null) {
            return opening.repeatOrConflict(
                    fingerprintOf(fingerprints, opened),
                    command.engagementId(),
                    "engagement " + command.engagementId() + " already exists");
        }
        if (command.clientId().equals(command.bossId())) {
            throw Rejection.invalid("bossId", "must differ from clientId");
        }
        return Decision.record(opened, command.engagementId());
    }

    /** HR names the registered coaches the client may choose from, once. */
    public Decision shortlist(
            ShortlistCoaches command,
            Actor actor,
            Status status,
            CoachRegistry coachRegistry,
            Fingerprints fingerprints) {
        String engagementId = command.engagementId();
        CoachesShortlisted shortlisted = new CoachesShortlisted(engagementId, List.copyOf(command.coachIds()));
        if (shortlisting != null) {
            return shortlisting.repeatOrConflict(
                    fingerprintOf(fingerprints, actor.id(), shortlisted),
                    engagementId,
                    "the engagement is already shortlisted");
        }
        status.requireOpen(engagementId);
        if (new HashSet<>(command.coachIds()).size() != command.coachIds().size()) {
            throw Rejection.invalid("coachIds", "must not name a coach twice");
        }
        for (String coachId : command.coachIds()) {
            if (!coachRegistry.isRegistered(coachId)) {
                throw Rejection.notFound("coach " + coachId + " is not registered");
            }
        }
        return Decision.record(shortlisted, engagementId);
    }

    /** The client chooses a coach of the shortlist, once; the one client's repeat is always hers. */
    public Decision select(SelectCoach command, Status status) {
        String engagementId = command.engagementId();
        if (selectedCoachId != null) {
            if (!selectedCoachId.equals(command.coachId())) {
                throw Rejection.conflict("coach " + selectedCoachId + " is already selected");
            }
            return Decision.repeat(Receipt.repeated(engagementId, selectionVersion));
        }
        status.requireOpen(engagementId);
        if (shortlist.isEmpty()) {
            throw Rejection.conflict("no coaches are shortlisted yet");
        }
        if (!shortlist.contains(command.coachId())) {
            throw Rejection.conflict("coach " + command.coachId() + " is not on the shortlist");
        }
        return Decision.record(new CoachSelected(engagementId, command.coachId()), engagementId);
    }

    /** The boss approves the budget once coaches are shortlisted; the one boss's repeat is always his. */
    public Decision approve(ApproveBudget command, Status status) {
        String engagementId = command.engagementId();
        if (budget != null) {
            boolean same = budget.sessions() == command.sessions()
                    && budget.amount().compareTo(command.amount()) == 0
                    && budget.currency().equals(command.currency());
            if (!same) {
                throw Rejection.conflict("a different budget is already approved");
            }
            return Decision.repeat(Receipt.repeated(engagementId, budgetVersion));
        }
        status.requireOpen(engagementId);
        if (shortlist.isEmpty()) {
            throw Rejection.conflict("the budget is approved once coaches are shortlisted");
        }
        return Decision.record(
                new BudgetApproved(engagementId, command.sessions(), command.amount(), command.currency()),
                engagementId);
    }

    // --- state, changed by recorded events only (versions: the original receipt's) ------------

    public void on(EngagementOpened event, long hrVersion, Fingerprints fingerprints) {
        clientId = event.clientId();
        bossId = event.bossId();
        hrId = event.hrId();
        opening = new Recorded(fingerprintOf(fingerprints, event), hrVersion);
    }

    /** {@code actorId}: the HR person who shortlisted, from the event's metadata. */
    public void on(CoachesShortlisted event, String actorId, long hrVersion, Fingerprints fingerprints) {
        shortlist = List.copyOf(event.coachIds());
        shortlisting = new Recorded(fingerprintOf(fingerprints, actorId, event), hrVersion);
    }

    public void on(CoachSelected event, long clientVersion) {
        selectedCoachId = event.coachId();
        selectionVersion = clientVersion;
    }

    public void on(BudgetApproved event, long bossVersion) {
        budget = event;
        budgetVersion = bossVersion;
    }

    // --- what other capabilities ask ---------------------------------------------------------

    public String clientId() {
        return clientId;
    }

    public String bossId() {
        return bossId;
    }

    public String hrId() {
        return hrId;
    }

    public boolean isShortlisted(String coachId) {
        return shortlist.contains(coachId);
    }

    public boolean isSelected(String coachId) {
        return coachId.equals(selectedCoachId);
    }

    /** The approved budget, or null before it is approved. */
    public BudgetApproved budget() {
        return budget;
    }

    /** Active once a coach is selected and the budget approved; whether it was closed since is not asked here. */
    public boolean hasBeenActive() {
        return selectedCoachId != null && budget != null;
    }

    /** Where the selection stands, as if the engagement were not closed. */
    public Status status() {
        if (hasBeenActive()) {
            return Status.ACTIVE;
        }
        return shortlist.isEmpty() ? Status.OPENED : Status.SHORTLISTED;
    }

    // --- fingerprints: one per event, for the stored event and the would-be one alike ----------

    private static String fingerprintOf(Fingerprints fingerprints, EngagementOpened event) {
        return fingerprints.of(event);
    }

    /** Any HR person may shortlist; the event does not say who did, its metadata does. */
    private static String fingerprintOf(Fingerprints fingerprints, String actorId, CoachesShortlisted event) {
        return fingerprints.of(actorId, event);
    }
}
