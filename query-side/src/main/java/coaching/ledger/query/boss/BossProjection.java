package coaching.ledger.query.boss;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.engagement.EngagementLifecycle;
import coaching.ledger.query.rows.Row;
import coaching.ledger.query.rows.Sql;
import coaching.ledger.query.rows.ViewTables;
import coaching.ledger.query.rows.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The boss view: lifecycle facts and updates addressed to the boss. No session notes, no
 * satisfaction, and the content of an update only when the boss is its audience (no disclosure
 * without consent). The handlers below are every event the view consumes.
 */
@Component
@ProcessingGroup(BossProjection.NAME)
public class BossProjection {

    public static final String NAME = "boss";
    public static final ViewTables TABLES = ViewTables.of("boss_engagement", "boss_update");

    private final ViewWrites writes;
    private final EngagementLifecycle lifecycle;

    public BossProjection(ViewWrites writes) {
        this.writes = writes;
        this.lifecycle = new EngagementLifecycle(writes, PartyView.BOSS, "boss_engagement");
    }

    @EventHandler
    void on(EngagementOpened event, @Timestamp Instant at) {
        lifecycle.opened(event, at);
    }

    @EventHandler
    void on(CoachesShortlisted event, @SequenceNumber long sequence) {
        lifecycle.shortlisted(event, sequence);
    }

    @EventHandler
    void on(CoachSelected event, @SequenceNumber long sequence) {
        lifecycle.coachSelected(event, sequence);
    }

    @EventHandler
    void on(BudgetApproved event, @SequenceNumber long sequence) {
        lifecycle.budgetApproved(event, sequence);
    }

    /** Only updates addressed to the boss are kept; one addressed to HR leaves no trace, not even in the version. */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long sequence) {
        if (lifecycle.shows(event)) {
            Row.in("boss_update")
                    .key("engagement_id", event.engagementId())
                    .key("update_id", event.updateId())
                    .set("scope", Sql.name(event.scope()))
                    .set("content", event.content())
                    .set("shared_at", Sql.timestamp(event.sharedAt()))
                    .set("shared_by", event.sharedBy())
                    .set("consent_id", event.consentId())
                    .set("sequence_number", sequence)
                    .upsertIn(writes, event.engagementId());
            lifecycle.counted(event, event.engagementId(), sequence);
        }
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lifecycle.closed(event, sequence, at);
    }

    /** Before a replay: the view is rebuilt from the first event. */
    @ResetHandler
    void reset() {
        TABLES.clear(writes.jdbc());
    }
}
