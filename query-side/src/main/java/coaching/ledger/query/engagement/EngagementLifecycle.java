package coaching.ledger.query.engagement;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.rows.Row;
import coaching.ledger.query.rows.Sql;
import coaching.ledger.query.rows.ViewWrites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The engagement row of one party's view (client, coach, boss, HR) and its version. The lifecycle
 * columns (engagement_id, client_id, boss_id, hr_id, purpose, urgency, status, shortlist,
 * selected_coach_id, budget_*, opened_at, closed_at, outcome) are kept the same way in every view;
 * none of them is confidential, by design.
 *
 * <p>{@code version} counts the engagement's events the view shows ({@link PartyView}): the opening
 * creates the row at 0 and each later event the view shows adds one, so it never tells its reader
 * about an event the view hides. Each lifecycle event is counted here; a projection counts each of
 * its other events with {@link #counted}. The hidden {@code last_sequence} column, never read out, is
 * the sequence number of the last event counted: an event delivered again (a retried batch, a parked
 * event retried) is not counted twice.
 */
public final class EngagementLifecycle {

    /** ACTIVE needs both a selected coach and an approved budget, whichever came last. */
    private static final String ACTIVE_ONCE_FUNDED =
            "CASE WHEN budget_currency IS NOT NULL AND status <> 'CLOSED' THEN 'ACTIVE' ELSE status END";

    private static final String ACTIVE_ONCE_SELECTED =
            "CASE WHEN selected_coach_id IS NOT NULL AND status <> 'CLOSED' THEN 'ACTIVE' ELSE status END";

    private final ViewWrites writes;
    private final PartyView party;
    private final String table;

    public EngagementLifecycle(ViewWrites writes, PartyView party, String table) {
        this.writes = writes;
        this.party = party;
        this.table = table;
    }

    /** Whether this view shows the event at all: what it hides it neither records nor counts. */
    public boolean shows(Object event) {
        return party.shows(event);
    }

    /**
     * Moves the engagement's version on for an event this view shows, once; one it hides leaves the
     * version where it is, so the version reveals nothing the view does not show.
     */
    public void counted(Object event, String engagementId, long sequence) {
        if (!shows(event)) {
            return;
        }
        writes.sql(
                        engagementId,
                        "UPDATE " + table + " SET version = version + 1, last_sequence = :sequence"
                                + " WHERE engagement_id = :id AND last_sequence < :sequence")
                .param("sequence", sequence)
                .param("id", engagementId)
                .execute();
    }

    /** Creates the row; its version and last_sequence start at their column defaults, 0, the opening's. */
    public void opened(EngagementOpened event, Instant at) {
        Row.in(table)
                .key("engagement_id", event.engagementId())
                .set("client_id", event.clientId())
                .set("boss_id", event.bossId())
                .set("hr_id", event.hrId())
                .set("purpose", Sql.name(event.purpose()))
                .set("urgency", Sql.name(event.urgency()))
                .set("status", EngagementStatus.OPENED.name())
                .set("opened_at", Sql.timestamp(at))
                .upsertIn(writes, event.engagementId());
    }

    /** Records the shortlist and counts it, like each lifecycle event after the opening. */
    public void shortlisted(CoachesShortlisted event, long sequence) {
        writes.sql(
                        event.engagementId(),
                        "UPDATE " + table + " SET shortlist = :shortlist,"
                                + " status = CASE WHEN status = 'OPENED' THEN 'SHORTLISTED' ELSE status END"
                                + " WHERE engagement_id = :id")
                .param("shortlist", Sql.ids(event.coachIds()))
                .param("id", event.engagementId())
                .execute();
        counted(event, event.engagementId(), sequence);
    }

    public void coachSelected(CoachSelected event, long sequence) {
        writes.sql(
                        event.engagementId(),
                        "UPDATE " + table + " SET selected_coach_id = :coach," + " status = " + ACTIVE_ONCE_FUNDED
                                + " WHERE engagement_id = :id")
                .param("coach", event.coachId())
                .param("id", event.engagementId())
                .execute();
        counted(event, event.engagementId(), sequence);
    }

    public void budgetApproved(BudgetApproved event, long sequence) {
        writes.sql(
                        event.engagementId(),
                        "UPDATE " + table + " SET budget_sessions = :sessions, budget_amount = :amount,"
                                + " budget_currency = :currency, status = " + ACTIVE_ONCE_SELECTED
                                + " WHERE engagement_id = :id")
                .param("sessions", event.sessions())
                .param("amount", event.amount())
                .param("currency", event.currency())
                .param("id", event.engagementId())
                .execute();
        counted(event, event.engagementId(), sequence);
    }

    public void closed(EngagementClosed event, long sequence, Instant at) {
        writes.sql(
                        event.engagementId(),
                        "UPDATE " + table + " SET status = 'CLOSED', closed_at = :at,"
                                + " outcome = :outcome WHERE engagement_id = :id")
                .param("at", Sql.timestamp(at))
                .param("outcome", Sql.name(event.outcome()))
                .param("id", event.engagementId())
                .execute();
        counted(event, event.engagementId(), sequence);
    }

    public static EngagementStatus status(ResultSet rs) throws SQLException {
        return Sql.enumValue(rs, "status", EngagementStatus.class);
    }

    public static Budget budget(ResultSet rs) throws SQLException {
        return Budget.of(rs);
    }
}
