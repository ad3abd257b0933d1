package coaching.ledger.query.support;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.kernel.visibility.PartyView;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.time.Instant;

/**
 * The views of the two parties inside the coaching relationship (client and coach): besides the
 * lifecycle they keep the sessions with their notes, the consents with their state and the open
 * update requests. Tables are named {@code <view>_engagement}, {@code <view>_session},
 * {@code <view>_consent} and {@code <view>_request}.
 */
public abstract class PartyProjection extends LifecycleProjection {

    protected final Consents consents;
    protected final UpdateRequests requests;
    private final String sessionTable;

    protected PartyProjection(ViewWrites writes, PartyView party, String view, ViewTables tables) {
        super(writes, party, view + "_engagement", tables);
        this.consents = new Consents(writes, view + "_consent");
        this.requests = new UpdateRequests(writes, view + "_request");
        this.sessionTable = view + "_session";
    }

    @EventHandler
    void on(SessionLogged event, @SequenceNumber long sequence) {
        Row.in(sessionTable).key("engagement_id", event.engagementId()).key("session_id", event.sessionId())
                .set("coach_id", event.coachId())
                .set("held_on", event.heldOn())
                .set("duration_minutes", event.durationMinutes())
                .set("notes", event.notes())
                .set("sequence_number", sequence)
                .upsertIn(writes, event.engagementId());
        counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(UpdateConsentGranted event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId, TrackingToken token) {
        consents.granted(event, new Consents.GrantEvent(eventId, Sql.globalIndex(token, eventId, writes.jdbc()),
                sequence, at));
        counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(UpdateConsentRevoked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        consents.revoked(event, at);
        counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(UpdateRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        requests.requested(event, sequence, at);
        counted(event, event.engagementId(), sequence);
    }

    @Override
    protected void closed(EngagementClosed event, Instant at) {
        consents.ended(event, at);
    }
}
