package coaching.ledger.query.hr;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.coaches.CoachRegistered;
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
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/**
 * The HR view: lifecycle facts, satisfaction scores, the coach roster and updates addressed to HR.
 * The handlers below are every event the view consumes: none for session notes or consents, and the
 * content of an update is stored only when HR is its audience (no disclosure without consent). Each
 * change of an engagement's row goes out on the live stream ({@link HrEngagementFeed}).
 */
@Component
@ProcessingGroup(HrProjection.NAME)
public class HrProjection {

    public static final String NAME = "hr";
    public static final ViewTables TABLES = ViewTables.of("hr_engagement", "hr_update", "hr_coach");

    private final ViewWrites writes;
    private final EngagementLifecycle lifecycle;
    private final JsonMapper json;
    private final HrEngagementFeed feed;

    public HrProjection(ViewWrites writes, JsonMapper json, HrEngagementFeed feed) {
        this.writes = writes;
        this.lifecycle = new EngagementLifecycle(writes, PartyView.HR, "hr_engagement");
        this.json = json;
        this.feed = feed;
    }

    @EventHandler
    void on(CoachRegistered event) {
        Row.in("hr_coach")
                .key("coach_id", event.coachId())
                .set("display_name", event.displayName())
                .set("certifications", json.writeValueAsString(event.certifications()))
                .set("years_experience", event.yearsExperience())
                .set("specialties", json.writeValueAsString(event.specialties()))
                .upsertIn(writes, event.coachId());
    }

    @EventHandler
    void on(EngagementOpened event, @Timestamp Instant at) {
        lifecycle.opened(event, at);
        feed.changed(event.engagementId());
    }

    @EventHandler
    void on(CoachesShortlisted event, @SequenceNumber long sequence) {
        lifecycle.shortlisted(event, sequence);
        feed.changed(event.engagementId());
    }

    @EventHandler
    void on(CoachSelected event, @SequenceNumber long sequence) {
        lifecycle.coachSelected(event, sequence);
        feed.changed(event.engagementId());
    }

    @EventHandler
    void on(BudgetApproved event, @SequenceNumber long sequence) {
        lifecycle.budgetApproved(event, sequence);
        feed.changed(event.engagementId());
    }

    /**
     * Only updates addressed to HR are kept; one addressed to the boss leaves no trace: not in the
     * version, and not on the live stream either (a row sent again would tell HR something happened).
     */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long sequence) {
        if (lifecycle.shows(event)) {
            Row.in("hr_update")
                    .key("engagement_id", event.engagementId())
                    .key("update_id", event.updateId())
                    .set("scope", Sql.name(event.scope()))
                    .set("content", event.content())
                    .set("recipient_id", event.recipientId())
                    .set("shared_by", event.sharedBy())
                    .set("shared_at", Sql.timestamp(event.sharedAt()))
                    .set("consent_id", event.consentId())
                    .set("sequence_number", sequence)
                    .upsertIn(writes, event.engagementId());
            lifecycle.counted(event, event.engagementId(), sequence);
            feed.changed(event.engagementId());
        }
    }

    /** The score only: the comment is the client's own words and stays in the client's view. */
    @EventHandler
    void on(SatisfactionRecorded event, @SequenceNumber long sequence) {
        writes.sql(
                        event.engagementId(),
                        "UPDATE hr_engagement SET satisfaction_score = :score WHERE engagement_id = :id")
                .param("score", event.score())
                .param("id", event.engagementId())
                .execute();
        lifecycle.counted(event, event.engagementId(), sequence);
        feed.changed(event.engagementId());
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lifecycle.closed(event, sequence, at);
        feed.changed(event.engagementId());
    }

    /** Before a replay: the view is rebuilt from the first event. */
    @ResetHandler
    void reset() {
        TABLES.clear(writes.jdbc());
    }
}
