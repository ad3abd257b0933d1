package coaching.ledger.query.hr;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.query.support.EngagementLifecycle;
import coaching.ledger.query.support.Row;
import coaching.ledger.query.support.Sql;
import coaching.ledger.query.support.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/**
 * The HR view: lifecycle facts, satisfaction scores, the coach roster and updates addressed to HR.
 * It declares no handler for session notes or consents, and stores the content of an update only
 * when HR is its audience (ARCHITECTURE.md rule 1).
 */
@Component
@ProcessingGroup(HrProjection.NAME)
public class HrProjection {

    public static final String NAME = "hr";
    public static final ViewTables TABLES = ViewTables.of("hr_engagement", "hr_update", "hr_coach");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EngagementLifecycle lifecycle;
    private final HrEngagementFeed feed;

    public HrProjection(JdbcClient jdbc, JsonMapper json, HrEngagementFeed feed) {
        this.jdbc = jdbc;
        this.json = json;
        this.lifecycle = new EngagementLifecycle(jdbc, "hr_engagement");
        this.feed = feed;
    }

    @EventHandler
    void on(CoachRegistered event) {
        Row.in("hr_coach").key("coach_id", event.coachId())
                .set("display_name", event.displayName())
                .set("certifications", json.writeValueAsString(event.certifications()))
                .set("years_experience", event.yearsExperience())
                .set("specialties", json.writeValueAsString(event.specialties()))
                .upsert(jdbc);
    }

    @EventHandler
    void on(EngagementOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        lifecycle.opened(event, version, at);
        feed.changed(event.engagementId());
    }

    @EventHandler
    void on(CoachesShortlisted event, @SequenceNumber long version) {
        lifecycle.shortlisted(event, version);
        feed.changed(event.engagementId());
    }

    @EventHandler
    void on(CoachSelected event, @SequenceNumber long version) {
        lifecycle.coachSelected(event, version);
        feed.changed(event.engagementId());
    }

    @EventHandler
    void on(BudgetApproved event, @SequenceNumber long version) {
        lifecycle.budgetApproved(event, version);
        feed.changed(event.engagementId());
    }

    /** Only updates addressed to HR are kept; one addressed to the boss merely moves the version on. */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long version) {
        if (event.audience() == Audience.HR) {
            Row.in("hr_update").key("engagement_id", event.engagementId()).key("update_id", event.updateId())
                    .set("scope", Sql.name(event.scope()))
                    .set("content", event.content())
                    .set("recipient_id", event.recipientId())
                    .set("shared_by", event.sharedBy())
                    .set("shared_at", Sql.timestamp(event.sharedAt()))
                    .set("consent_id", event.consentId())
                    .set("sequence_number", version)
                    .upsert(jdbc);
        }
        lifecycle.advance(event.engagementId(), version);
        feed.changed(event.engagementId());
    }

    /** The score only: the comment is the client's own words and stays in the client's view. */
    @EventHandler
    void on(SatisfactionRecorded event, @SequenceNumber long version) {
        jdbc.sql("UPDATE hr_engagement SET satisfaction_score = :score, version = :version WHERE engagement_id = :id")
                .param("score", event.score())
                .param("version", version)
                .param("id", event.engagementId())
                .update();
        feed.changed(event.engagementId());
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        lifecycle.closed(event, version, at);
        feed.changed(event.engagementId());
    }

    @ResetHandler
    void reset() {
        TABLES.clear(jdbc);
    }
}
