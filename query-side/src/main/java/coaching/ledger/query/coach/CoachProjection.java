package coaching.ledger.query.coach;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.engagement.EngagementLifecycle;
import coaching.ledger.query.engagement.RelationshipFacts;
import coaching.ledger.query.rows.Row;
import coaching.ledger.query.rows.Sql;
import coaching.ledger.query.rows.ViewTables;
import coaching.ledger.query.rows.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The coach's working view: their sessions, which consents let them share what, what the boss or
 * HR asked for, and which updates were shared with whom. Rows exist from the opening on, but a coach
 * sees them only once selected. The handlers below are every event the view consumes.
 */
@Component
@ProcessingGroup(CoachProjection.NAME)
public class CoachProjection {

    public static final String NAME = "coach";
    public static final ViewTables TABLES =
            ViewTables.of("coach_engagement", "coach_session", "coach_consent", "coach_request", "coach_update");

    private final ViewWrites writes;
    private final EngagementLifecycle lifecycle;
    private final RelationshipFacts relationship;

    public CoachProjection(ViewWrites writes) {
        this.writes = writes;
        this.lifecycle = new EngagementLifecycle(writes, PartyView.COACH, "coach_engagement");
        this.relationship = new RelationshipFacts(writes, lifecycle, NAME);
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

    @EventHandler
    void on(SessionLogged event, @SequenceNumber long sequence) {
        relationship.sessionLogged(event, sequence);
    }

    @EventHandler
    void on(
            UpdateConsentGranted event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            TrackingToken token) {
        relationship.consentGranted(event, sequence, at, eventId, token);
    }

    @EventHandler
    void on(UpdateConsentRevoked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        relationship.consentRevoked(event, sequence, at);
    }

    @EventHandler
    void on(UpdateRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        relationship.updateRequested(event, sequence, at);
    }

    /** Records that an update was shared, and answers the requests it matches; never its content. */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long sequence) {
        Row.in("coach_update")
                .key("engagement_id", event.engagementId())
                .key("update_id", event.updateId())
                .set("audience", Sql.name(event.audience()))
                .set("scope", Sql.name(event.scope()))
                .set("shared_by", event.sharedBy())
                .set("shared_at", Sql.timestamp(event.sharedAt()))
                .set("sequence_number", sequence)
                .upsertIn(writes, event.engagementId());
        relationship.requestsAnsweredBy(event);
        lifecycle.counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lifecycle.closed(event, sequence, at);
        relationship.consentsEnded(event, at);
    }

    /** Before a replay: the view is rebuilt from the first event. */
    @ResetHandler
    void reset() {
        TABLES.clear(writes.jdbc());
    }
}
