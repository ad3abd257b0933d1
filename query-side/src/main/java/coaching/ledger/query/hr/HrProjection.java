package coaching.ledger.query.hr;

import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.support.LifecycleProjection;
import coaching.ledger.query.support.Row;
import coaching.ledger.query.support.Sql;
import coaching.ledger.query.support.ViewTables;
import coaching.ledger.query.support.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HR view: lifecycle facts, satisfaction scores, the coach roster and updates addressed to HR.
 * It declares no handler for session notes or consents, and stores the content of an update only
 * when HR is its audience (ARCHITECTURE.md rule 1).
 */
@Component
@ProcessingGroup(HrProjection.NAME)
public class HrProjection extends LifecycleProjection {

    public static final String NAME = "hr";
    public static final ViewTables TABLES = ViewTables.of("hr_engagement", "hr_update", "hr_coach");

    private final JsonMapper json;
    private final HrEngagementFeed feed;

    public HrProjection(ViewWrites writes, JsonMapper json, HrEngagementFeed feed) {
        super(writes, PartyView.HR, "hr_engagement", TABLES);
        this.json = json;
        this.feed = feed;
    }

    @EventHandler
    void on(CoachRegistered event) {
        Row.in("hr_coach").key("coach_id", event.coachId())
                .set("display_name", event.displayName())
                .set("certifications", json.writeValueAsString(event.certifications()))
                .set("years_experience", event.yearsExperience())
                .set("specialties", json.writeValueAsString(event.specialties()))
                .upsertIn(writes, event.coachId());
    }

    /**
     * Only updates addressed to HR are kept; one addressed to the boss leaves no trace: not in the
     * version, and not on the live stream either (a row sent again would tell HR something happened).
     */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long sequence) {
        if (shows(event)) {
            Row.in("hr_update").key("engagement_id", event.engagementId()).key("update_id", event.updateId())
                    .set("scope", Sql.name(event.scope()))
                    .set("content", event.content())
                    .set("recipient_id", event.recipientId())
                    .set("shared_by", event.sharedBy())
                    .set("shared_at", Sql.timestamp(event.sharedAt()))
                    .set("consent_id", event.consentId())
                    .set("sequence_number", sequence)
                    .upsertIn(writes, event.engagementId());
            counted(event, event.engagementId(), sequence);
            changed(event.engagementId());
        }
    }

    /** The score only: the comment is the client's own words and stays in the client's view. */
    @EventHandler
    void on(SatisfactionRecorded event, @SequenceNumber long sequence) {
        writes.sql(event.engagementId(),
                        "UPDATE hr_engagement SET satisfaction_score = :score WHERE engagement_id = :id")
                .param("score", event.score())
                .param("id", event.engagementId())
                .execute();
        counted(event, event.engagementId(), sequence);
        changed(event.engagementId());
    }

    @Override
    protected void changed(String engagementId) {
        feed.changed(engagementId);
    }
}
