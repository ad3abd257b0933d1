package coaching.ledger.query.support;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * What every engagement view consumes: the lifecycle events, none of them confidential by design
 * (opened, shortlisted, selected, budget approved, closed), and a reset that empties the view's
 * tables before a replay. A view adds the handlers of the other events it declares.
 */
public abstract class LifecycleProjection {

    protected final ViewWrites writes;
    protected final EngagementLifecycle lifecycle;
    private final ViewTables tables;

    protected LifecycleProjection(ViewWrites writes, String engagementTable, ViewTables tables) {
        this.writes = writes;
        this.lifecycle = new EngagementLifecycle(writes, engagementTable);
        this.tables = tables;
    }

    @EventHandler
    void on(EngagementOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        lifecycle.opened(event, version, at);
        changed(event.engagementId());
    }

    @EventHandler
    void on(CoachesShortlisted event, @SequenceNumber long version) {
        lifecycle.shortlisted(event, version);
        changed(event.engagementId());
    }

    @EventHandler
    void on(CoachSelected event, @SequenceNumber long version) {
        lifecycle.coachSelected(event, version);
        changed(event.engagementId());
    }

    @EventHandler
    void on(BudgetApproved event, @SequenceNumber long version) {
        lifecycle.budgetApproved(event, version);
        changed(event.engagementId());
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        lifecycle.closed(event, version, at);
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
