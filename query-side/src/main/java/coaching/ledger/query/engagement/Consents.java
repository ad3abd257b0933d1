package coaching.ledger.query.engagement;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.query.rows.Row;
import coaching.ledger.query.rows.Sql;
import coaching.ledger.query.rows.ViewWrites;

import java.time.Instant;

/**
 * The consent tables of the views that show consents (client, coach, compliance) share one layout:
 * engagement_id, consent_id, audience, scopes, valid_until, purpose, notice_version, granted_at, grant_event_id,
 * grant_global_index, state, revoke_reason, state_changed_at, sequence_number.
 */
public final class Consents {

    private final ViewWrites writes;
    private final String table;

    public Consents(ViewWrites writes, String table) {
        this.writes = writes;
        this.table = table;
    }

    public void granted(UpdateConsentGranted event, GrantEvent grant) {
        Row.in(table)
                .key("engagement_id", event.engagementId())
                .key("consent_id", event.consentId())
                .set("audience", Sql.name(event.audience()))
                .set("scopes", Sql.scopes(event.scopes()))
                .set("valid_until", Sql.timestamp(event.validUntil()))
                .set("purpose", event.purpose())
                .set("notice_version", event.noticeVersion())
                .set("granted_at", Sql.timestamp(grant.at()))
                .set("grant_event_id", grant.eventId())
                .set("grant_global_index", grant.globalIndex())
                .set("state", ConsentState.ACTIVE.name())
                .set("revoke_reason", null)
                .set("state_changed_at", null)
                .set("sequence_number", grant.sequence())
                .upsertIn(writes, event.engagementId());
    }

    public void revoked(UpdateConsentRevoked event, Instant at) {
        writes.sql(
                        event.engagementId(),
                        "UPDATE " + table + " SET state = 'REVOKED', revoke_reason = :reason,"
                                + " state_changed_at = :at"
                                + " WHERE engagement_id = :id AND consent_id = :consent")
                .param("reason", event.reason())
                .param("at", Sql.timestamp(at))
                .param("id", event.engagementId())
                .param("consent", event.consentId())
                .execute();
    }

    /** Closing the engagement ends the consents still in force then; revoked ones stay revoked. */
    public void ended(EngagementClosed event, Instant at) {
        for (String consentId : event.endedConsentIds()) {
            writes.sql(
                            event.engagementId(),
                            "UPDATE " + table + " SET state = 'ENDED', state_changed_at = :at"
                                    + " WHERE engagement_id = :id AND consent_id = :consent AND state = 'ACTIVE'")
                    .param("at", Sql.timestamp(at))
                    .param("id", event.engagementId())
                    .param("consent", consentId)
                    .execute();
        }
    }

    /** Where a grant sits in the event store: its event id, global index, sequence and time. */
    public record GrantEvent(String eventId, Long globalIndex, long sequence, Instant at) {}
}
