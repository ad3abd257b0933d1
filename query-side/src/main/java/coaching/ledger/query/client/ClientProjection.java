package coaching.ledger.query.client;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.support.PartyProjection;
import coaching.ledger.query.support.Row;
import coaching.ledger.query.support.Sql;
import coaching.ledger.query.support.ViewTables;
import coaching.ledger.query.support.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The client's view of their own engagement: everything, including session notes and their comments. */
@Component
@ProcessingGroup(ClientProjection.NAME)
public class ClientProjection extends PartyProjection {

    public static final String NAME = "client";
    public static final ViewTables TABLES = ViewTables.of("client_engagement", "client_session", "client_consent",
            "client_disclosure", "client_refusal", "client_request");

    public ClientProjection(ViewWrites writes) {
        super(writes, PartyView.CLIENT, NAME, TABLES);
    }

    @EventHandler
    void on(UpdateShared event, @SequenceNumber long sequence) {
        Row.in("client_disclosure").key("engagement_id", event.engagementId()).key("update_id", event.updateId())
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
        requests.answeredBy(event);
        counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(DisclosureRefused event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        Row.in("client_refusal").key("event_id", eventId)
                .set("engagement_id", event.engagementId())
                .set("update_id", event.updateId())
                .set("audience", Sql.name(event.audience()))
                .set("scope", Sql.name(event.scope()))
                .set("attempted_by", event.actor())
                .set("reason", Sql.name(event.reason()))
                .set("refused_at", Sql.timestamp(at))
                .set("sequence_number", sequence)
                .upsertIn(writes, event.engagementId());
        counted(event, event.engagementId(), sequence);
    }

    @EventHandler
    void on(SatisfactionRecorded event, @SequenceNumber long sequence) {
        writes.sql(event.engagementId(), "UPDATE client_engagement SET satisfaction_score = :score,"
                        + " satisfaction_comment = :comment WHERE engagement_id = :id")
                .param("score", event.score())
                .param("comment", event.comment())
                .param("id", event.engagementId())
                .execute();
        counted(event, event.engagementId(), sequence);
    }

    @Override
    protected void closed(EngagementClosed event, Instant at) {
        super.closed(event, at);
        writes.sql(event.engagementId(), "UPDATE client_engagement SET close_reason = :reason WHERE engagement_id = :id")
                .param("reason", event.reason())
                .param("id", event.engagementId())
                .execute();
    }
}
