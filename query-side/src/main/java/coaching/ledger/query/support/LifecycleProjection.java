package coaching.ledger.query.support;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.visibility.PartyView;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * What every party's engagement view consumes: the lifecycle events, none of them confidential by
 * design (opened, shortlisted, selected, budget approved, closed), and a reset that empties the
 * view's tables before a replay. A view adds the handlers of the other events it declares, and
 * counts each of them with {@link #counted}, which asks {@link PartyView} whether the view shows it.
 */
public abstract class LifecycleProjection {

    protected final ViewWrites writes;
    protected final EngagementLifecycle lifecycle;
    private final PartyView party;
    private final ViewTables tables;

    protected LifecycleProjection(ViewWrites writes, PartyView party, String engagementTable, ViewTables tables) {
        this.writes = writes;
        this.party = party;
        this.lifecycle = new EngagementLifecycle(writes, engagementTable);
        this.tables = tables;
    }

    /** Whether this view shows the event at all: what it hides it neither records nor counts. */
    protected boolean shows(Object event) {
        return party.shows(event);
    }

    /**
     * Moves the engagement's version on for an event this view shows, once (see {@link EngagementLifecycle});
     * one it hides leaves the version where it is, so the version reveals nothing the view does not show.
     */
    protected void counted(Object event, String engagementId, long sequence) {
        if (shows(event)) {
            lifecycle.counted(engagementId, sequence);
        }
    }

    @EventHandler
    void on(EngagementOpened event, @Timestamp Instant at) {
        lifecycle.opened(event, at);
        changed(event.engagementId());
    }

    @EventHandler
    void on(CoachesShortlisted event, @SequenceNumber long sequence) {
        lifecycle.shortlisted(event);
        counted(event, event.engagementId(), sequence);
        changed(event.engagementId());
    }

    @EventHandler
    void on(CoachSelected event, @SequenceNumber long sequence) {
        lifecycle.coachSelected(event);
        counted(event, event.engagementId(), sequence);
        changed(event.engagementId());
    }

    @EventHandler
    void on(BudgetApproved event, @SequenceNumber long sequence) {
        lifecycle.budgetApproved(event);
        counted(event, event.engagementId(), sequence);
        changed(event.engagementId());
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lifecycle.closed(event, at);
        counted(event, event.engagementId(), sequence);
        closed(event, at);
        changed(event.engagementId());
    }

    /** What else the view records when an engagement closes. */
    protected void closed(EngagementClosed event, Instant at) {
    }

    /** Called after every change of an engagement's row, e.g. to publish it live. */
    protected void changed(String engagementId) {
    }

    @ResetHandler
    void reset() {
        tables.clear(writes.jdbc());
    }
}
