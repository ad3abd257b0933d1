package coaching.ledger.query.client;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
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
 * The client's view of their own engagement: everything, including session notes and their comments.
 * The handlers below are every event the view consumes.
 */
@Component
@ProcessingGroup(ClientProjection.NAME)
public class ClientProjection {

    public static final String NAME = "client";
    public static final ViewTables TABLES = ViewTables.of(
            "client_engagement",
            "client_session",
            "client_consent",
            "client_disclosure",
            "client_refusal",
            "client_request");

    private final ViewWrites writes;
    private final EngagementLifecycle lifecycle;
    private final RelationshipFacts relationship;

    public ClientProjection(ViewWrites writes) {
        this.writes = writes;
        this.lifecycle = new EngagementLifecycle(writes, PartyView.CLIENT, "client_engagement");
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

    @EventHandler
    void on(UpdateShared event, @SequenceNumber long sequence) {
        Row.in("client_disclosure")
                .key("engagement_id", event.engagementId())
                .key("update_id", event.updateId())
                .set("audience", Sql.name(event.audience()))
                .set("scope", Sql.name(event.scope()))
                .set("content", event.content())
                .set("recipient_id", event.recipientId())
                .set("shared_by", event.sharedBy())
                .set("shared_at", Sql.timestamp(event.sharedAt()))
                .set("consent_id", event.consentId())
                .set("purpose", event.purpose())
                .set("sequence_number", sequence)
                .upsertIn(writes, event.engagementId());
        relationship.requestsAnsweredBy(event);
        lifecycle.counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(
            DisclosureRefused event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        Row.in("client_refusal")
                .key("event_id", eventId)
                .set("engagement_id", event.engagementId())
                .set("update_id", event.updateId())
                .set("audience", Sql.name(event.audience()))
                .set("scope", Sql.name(event.scope()))
                .set("attempted_by", event.actor())
                .set("reason", Sql.name(event.reason()))
                .set("refused_at", Sql.timestamp(at))
                .set("sequence_number", sequence)
                .upsertIn(writes, event.engagementId());
        lifecycle.counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(SatisfactionRecorded event, @SequenceNumber long sequence) {
        writes.sql(
                        event.engagementId(),
                        "UPDATE client_engagement SET satisfaction_score = :score,"
                                + " satisfaction_comment = :comment WHERE engagement_id = :id")
                .param("score", event.score())
                .param("comment", event.comment())
                .param("id", event.engagementId())
                .execute();
        lifecycle.counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lifecycle.closed(event, sequence, at);
        relationship.consentsEnded(event, at);
        writes.sql(
                        event.engagementId(),
                        "UPDATE client_engagement SET close_reason = :reason WHERE engagement_id = :id")
                .param("reason", event.reason())
                .param("id", event.engagementId())
                .execute();
    }

    /** Before a replay: the view is rebuilt from the first event. */
    @ResetHandler
    void reset() {
        TABLES.clear(writes.jdbc());
    }
}
