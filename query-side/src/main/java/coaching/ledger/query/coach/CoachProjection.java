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
import coaching.ledger.query.support.Consents;
import coaching.ledger.query.support.EngagementLifecycle;
import coaching.ledger.query.support.Row;
import coaching.ledger.query.support.Sql;
import coaching.ledger.query.support.UpdateRequests;
import coaching.ledger.query.support.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The coach's working view: their sessions, which consents let them share what, and what the boss
 * or HR asked for. Rows exist from the opening on, but a coach sees them only once selected.
 */
@Component
@ProcessingGroup(CoachProjection.NAME)
public class CoachProjection {

    public static final String NAME = "coach";
    public static final ViewTables TABLES = ViewTables.of("coach_engagement", "coach_session", "coach_consent",
            "coach_request");

    private final JdbcClient jdbc;
    private final EngagementLifecycle lifecycle;
    private final Consents consents;
    private final UpdateRequests requests;

    public CoachProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.lifecycle = new EngagementLifecycle(jdbc, "coach_engagement");
        this.consents = new Consents(jdbc, "coach_consent");
        this.requests = new UpdateRequests(jdbc, "coach_request");
    }

    @EventHandler
    void on(EngagementOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        lifecycle.opened(event, version, at);
    }

    @EventHandler
    void on(CoachesShortlisted event, @SequenceNumber long version) {
        lifecycle.shortlisted(event, version);
    }

    @EventHandler
    void on(CoachSelected event, @SequenceNumber long version) {
        lifecycle.coachSelected(event, version);
    }

    @EventHandler
    void on(BudgetApproved event, @SequenceNumber long version) {
        lifecycle.budgetApproved(event, version);
    }

    @EventHandler
    void on(SessionLogged event, @SequenceNumber long version) {
        Row.in("coach_session").key("engagement_id", event.engagementId()).key("session_id", event.sessionId())
                .set("coach_id", event.coachId())
                .set("held_on", event.heldOn())
                .set("duration_minutes", event.durationMinutes())
                .set("notes", event.notes())
                .set("sequence_number", version)
                .upsert(jdbc);
        lifecycle.advance(event.engagementId(), version);
    }

    @EventHandler
    void on(UpdateConsentGranted event, @SequenceNumber long version, @Timestamp Instant at,
            @MessageIdentifier String eventId, TrackingToken token) {
        consents.granted(event, new Consents.GrantEvent(eventId, Sql.globalIndex(token), version, at));
        lifecycle.advance(event.engagementId(), version);
    }

    @EventHandler
    void on(UpdateConsentRevoked event, @SequenceNumber long version, @Timestamp Instant at) {
        consents.revoked(event, at);
        lifecycle.advance(event.engagementId(), version);
    }

    @EventHandler
    void on(UpdateRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        requests.requested(event, version, at);
        lifecycle.advance(event.engagementId(), version);
    }

    /** Answers the requests it matches; the coach view keeps no copy of the content. */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long version) {
        requests.answeredBy(event);
        lifecycle.advance(event.engagementId(), version);
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        lifecycle.closed(event, version, at);
        consents.ended(event, at);
    }

    @ResetHandler
    void reset() {
        TABLES.clear(jdbc);
    }
}
