package coaching.ledger.query.engagement;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.query.rows.Row;
import coaching.ledger.query.rows.Sql;
import coaching.ledger.query.rows.ViewWrites;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;

/**
 * What the views of the two parties inside the coaching relationship (client and coach) keep
 * besides the lifecycle: the sessions with their notes, the consents with their state and the open
 * update requests, in tables named {@code <view>_session}, {@code <view>_consent} and
 * {@code <view>_request}. Each event recorded here is counted into the view's version by its
 * {@link EngagementLifecycle}.
 */
public final class RelationshipFacts {

    private final ViewWrites writes;
    private final EngagementLifecycle lifecycle;
    private final String sessionTable;
    private final Consents consents;
    private final UpdateRequests requests;

    public RelationshipFacts(ViewWrites writes, EngagementLifecycle lifecycle, String view) {
        this.writes = writes;
        this.lifecycle = lifecycle;
        this.sessionTable = view + "_session";
        this.consents = new Consents(writes, view + "_consent");
        this.requests = new UpdateRequests(writes, view + "_request");
    }

    public void sessionLogged(SessionLogged event, long sequence) {
        Row.in(sessionTable)
                .key("engagement_id", event.engagementId())
                .key("session_id", event.sessionId())
                .set("coach_id", event.coachId())
                .set("held_on", event.heldOn())
                .set("duration_minutes", event.durationMinutes())
                .set("notes", event.notes())
                .set("sequence_number", sequence)
                .upsertIn(writes, event.engagementId());
        lifecycle.counted(event, event.engagementId(), sequence);
    }

    public void consentGranted(
            UpdateConsentGranted event, long sequence, Instant at, String eventId, TrackingToken token) {
        consents.granted(
                event, new Consents.GrantEvent(eventId, Sql.globalIndex(token, eventId, writes.jdbc()), sequence, at));
        lifecycle.counted(event, event.engagementId(), sequence);
    }

    public void consentRevoked(UpdateConsentRevoked event, long sequence, Instant at) {
        consents.revoked(event, at);
        lifecycle.counted(event, event.engagementId(), sequence);
    }

    public void updateRequested(UpdateRequested event, long sequence, Instant at) {
        requests.requested(event, sequence, at);
        lifecycle.counted(event, event.engagementId(), sequence);
    }

    /** Marks the open requests the update answers; recording and counting the update is the view's own. */
    public void requestsAnsweredBy(UpdateShared update) {
        requests.answeredBy(update);
    }

    /** Closing the engagement ends the consents still in force; the lifecycle records and counts the closing. */
    public void consentsEnded(EngagementClosed event, Instant at) {
        consents.ended(event, at);
    }
}
