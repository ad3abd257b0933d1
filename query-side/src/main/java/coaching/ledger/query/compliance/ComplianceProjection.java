package coaching.ledger.query.compliance;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.ClientStream;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.erasure.ErasureRecipientNotified;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.query.engagement.ConsentState;
import coaching.ledger.query.engagement.Consents;
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
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The disclosure ledger: each disclosure and each refusal with where it sits in the event store and
 * the consent it relied on. It stores no content at all: not of updates, not of refusals (they carry
 * none), no session notes and no satisfaction comments (no disclosure without consent). It also keeps
 * each engagement's legal holds and each erasure of a client's data with the recipients it must
 * notify (issue 14). The handlers below are every event the view consumes.
 */
@Component
@ProcessingGroup(ComplianceProjection.NAME)
public class ComplianceProjection {

    public static final String NAME = "compliance";
    public static final ViewTables TABLES = ViewTables.of(
            "compliance_engagement",
            "compliance_consent",
            "compliance_disclosure",
            "compliance_refusal",
            "compliance_legal_hold",
            "compliance_erasure",
            "compliance_erasure_recipient",
            "compliance_erasure_update",
            "erased_engagement");

    private final ViewWrites writes;
    private final Consents consents;

    public ComplianceProjection(ViewWrites writes) {
        this.writes = writes;
        this.consents = new Consents(writes, "compliance_consent");
    }

    @EventHandler
    void on(EngagementOpened event, @SequenceNumber long version) {
        advance(event.engagementId(), version);
    }

    @EventHandler
    void on(
            UpdateConsentGranted event,
            @SequenceNumber long version,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            TrackingToken token) {
        consents.granted(
                event, new Consents.GrantEvent(eventId, Sql.globalIndex(token, eventId, writes.jdbc()), version, at));
        advance(event.engagementId(), version);
    }

    @EventHandler
    void on(UpdateConsentRevoked event, @SequenceNumber long version, @Timestamp Instant at) {
        consents.revoked(event, at);
        advance(event.engagementId(), version);
    }

    /** The consent trace is copied as it stood when the update was shared; the content is not kept. */
    @EventHandler
    void on(
            UpdateShared event,
            @SequenceNumber long version,
            @MessageIdentifier String eventId,
            TrackingToken token,
            @MetaDataValue(Actor.ACTOR_ID) String actorId,
            @MetaDataValue(Actor.ACTOR_ROLE) String actorRole) {
        Optional<Grant> grant = grantOf(event);
        Row.in("compliance_disclosure")
                .key("event_id", eventId)
                .set("engagement_id", event.engagementId())
                .set("global_index", Sql.globalIndex(token, eventId, writes.jdbc()))
                .set("update_id", event.updateId())
                .set("shared_at", Sql.timestamp(event.sharedAt()))
                .set("actor_id", actorId)
                .set("actor_role", actorRole)
                .set("recipient_id", event.recipientId())
                .set("audience", Sql.name(event.audience()))
                .set("scope", Sql.name(event.scope()))
                .set("purpose", event.purpose())
                .set("consent_id", event.consentId())
                .set("grant_event_id", event.consentGrantEventId())
                .set("grant_global_index", grant.map(Grant::globalIndex).orElse(null))
                .set("granted_at", grant.map(Grant::grantedAt).orElse(null))
                .set("scopes", grant.map(Grant::scopes).orElse(null))
                .set("valid_until", grant.map(Grant::validUntil).orElse(null))
                .set(
                        "state_at_disclosure",
                        grant.map(found -> found.stateAt(event.sharedAt()).name())
                                .orElse(null))
                .set("sequence_number", version)
                .upsertIn(writes, event.engagementId());
        advance(event.engagementId(), version);
    }

    @EventHandler
    void on(
            DisclosureRefused event,
            @SequenceNumber long version,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            TrackingToken token,
            @MetaDataValue(Actor.ACTOR_ID) String actorId,
            @MetaDataValue(Actor.ACTOR_ROLE) String actorRole) {
        Row.in("compliance_refusal")
                .key("event_id", eventId)
                .set("engagement_id", event.engagementId())
                .set("global_index", Sql.globalIndex(token, eventId, writes.jdbc()))
                .set("update_id", event.updateId())
                .set("refused_at", Sql.timestamp(at))
                .set("actor_id", actorId)
                .set("actor_role", actorRole)
                .set("audience", Sql.name(event.audience()))
                .set("scope", Sql.name(event.scope()))
                .set("reason", Sql.name(event.reason()))
                .set("sequence_number", version)
                .upsertIn(writes, event.engagementId());
        advance(event.engagementId(), version);
    }

    @EventHandler
    void on(EngagementClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        consents.ended(event, at);
        advance(event.engagementId(), version);
    }

    /** Compliance's alone: no party view shows a hold, which may serve an investigation nobody may be tipped off about. */
    @EventHandler
    void on(LegalHoldPlaced event, @SequenceNumber long version) {
        Row.in("compliance_legal_hold")
                .key("engagement_id", event.engagementId())
                .key("hold_id", event.holdId())
                .set("reason", event.reason())
                .set("placed_by", event.placedBy())
                .set("placed_at", Sql.timestamp(event.placedAt()))
                .set("sequence_number", version)
                .upsertIn(writes, event.engagementId());
        advance(event.engagementId(), version);
    }

    @EventHandler
    void on(LegalHoldReleased event, @SequenceNumber long version) {
        writes.sql(
                        event.engagementId(),
                        "UPDATE compliance_legal_hold SET released_by = :by, released_at = :at"
                                + " WHERE engagement_id = :id AND hold_id = :hold")
                .param("by", event.releasedBy())
                .param("at", Sql.timestamp(event.releasedAt()))
                .param("id", event.engagementId())
                .param("hold", event.holdId())
                .execute();
        advance(event.engagementId(), version);
    }

    /**
     * The erasure, and each engagement it covered as erased (what the export reads). The events of an
     * erasure are in the client's own stream, so they are written in its order, apart from the
     * engagements' statements.
     */
    @EventHandler
    void on(ClientDataErased event) {
        String stream = ClientStream.of(event.clientId());
        Row.in("compliance_erasure")
                .key("erasure_id", event.erasureId())
                .set("client_id", event.clientId())
                .set("reason", event.reason())
                .set("erased_by", event.erasedBy())
                .set("erased_at", Sql.timestamp(event.erasedAt()))
                .set("engagement_ids", Sql.ids(event.engagementIds()))
                .set("legacy_plaintext_fields", event.legacyPlaintextFields())
                .upsertIn(writes, stream);
        for (String engagementId : event.engagementIds()) {
            Row.in("erased_engagement")
                    .key("engagement_id", engagementId)
                    .set("client_id", event.clientId())
                    .set("erasure_id", event.erasureId())
                    .upsertIn(writes, stream);
        }
    }

    /** A recipient to notify (Art. 19), not yet notified: a redelivery leaves {@code notified} as it is. */
    @EventHandler
    void on(ErasureNotificationDue event, @SequenceNumber long sequence) {
        String stream = ClientStream.of(event.clientId());
        Row.in("compliance_erasure_recipient")
                .key("erasure_id", event.erasureId())
                .key("recipient_id", event.recipientId())
                .set("client_id", event.clientId())
                .set("recipient_role", Sql.name(event.recipientRole()))
                .set("sequence_number", sequence)
                .upsertIn(writes, stream);
        for (DisclosedUpdate update : event.updates()) {
            Row.in("compliance_erasure_update")
                    .key("erasure_id", event.erasureId())
                    .key("recipient_id", event.recipientId())
                    .key("engagement_id", update.engagementId())
                    .key("update_id", update.updateId())
                    .set("client_id", event.clientId())
                    .set("shared_at", Sql.timestamp(update.sharedAt()))
                    .upsertIn(writes, stream);
        }
    }

    @EventHandler
    void on(ErasureRecipientNotified event) {
        writes.sql(
                        ClientStream.of(event.clientId()),
                        "UPDATE compliance_erasure_recipient SET notified = TRUE, notified_at = :at, notified_by = :by"
                                + " WHERE erasure_id = :erasure AND recipient_id = :recipient")
                .param("at", Sql.timestamp(event.notifiedAt()))
                .param("by", event.notifiedBy())
                .param("erasure", event.erasureId())
                .param("recipient", event.recipientId())
                .execute();
    }

    /** Before a replay: the view is rebuilt from the first event. */
    @ResetHandler
    void reset() {
        TABLES.clear(writes.jdbc());
    }

    private void advance(String engagementId, long version) {
        Row.in("compliance_engagement")
                .key("engagement_id", engagementId)
                .set("version", version)
                .upsertIn(writes, engagementId);
    }

    /** The grant the update names, as this view recorded it; absent if the stream holds no such grant. */
    private Optional<Grant> grantOf(UpdateShared event) {
        writes.flush(); // the grant may be among this batch's writes
        return writes.jdbc()
                .sql("SELECT grant_global_index, granted_at, scopes, valid_until, state FROM compliance_consent"
                        + " WHERE engagement_id = :id AND consent_id = :consent AND grant_event_id = :grant")
                .param("id", event.engagementId())
                .param("consent", event.consentId())
                .param("grant", event.consentGrantEventId())
                .query((rs, row) -> new Grant(
                        Sql.nullableLong(rs, "grant_global_index"),
                        rs.getObject("granted_at", OffsetDateTime.class),
                        rs.getString("scopes"),
                        rs.getObject("valid_until", OffsetDateTime.class),
                        Sql.enumValue(rs, "state", ConsentState.class)))
                .optional();
    }

    private record Grant(
            Long globalIndex, OffsetDateTime grantedAt, String scopes, OffsetDateTime validUntil, ConsentState state) {

        ConsentState stateAt(Instant moment) {
            return state.at(moment, validUntil == null ? null : validUntil.toInstant());
        }
    }
}
