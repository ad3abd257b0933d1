package coaching.ledger.query.engagement;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.query.rows.Row;
import coaching.ledger.query.rows.Sql;
import coaching.ledger.query.rows.ViewWrites;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Update requests of the views that list open ones (client, coach). A request is open until an
 * update with the same audience and scope is shared after it. Table layout: engagement_id,
 * request_id, audience, scope, message, requested_by, requested_at, answered_by_update_id, sequence_number.
 */
public final class UpdateRequests {

    private final ViewWrites writes;
    private final String table;

    public UpdateRequests(ViewWrites writes, String table) {
        this.writes = writes;
        this.table = table;
    }

    public void requested(UpdateRequested event, long sequence, Instant at) {
        Row.in(table)
                .key("engagement_id", event.engagementId())
                .key("request_id", event.requestId())
                .set("audience", Sql.name(event.audience()))
                .set("scope", Sql.name(event.scope()))
                .set("message", event.message())
                .set("requested_by", event.requestedBy())
                .set("requested_at", Sql.timestamp(at))
                .set("answered_by_update_id", null)
                .set("sequence_number", sequence)
                .upsertIn(writes, event.engagementId());
    }

    public void answeredBy(UpdateShared update) {
        writes.sql(
                        update.engagementId(),
                        "UPDATE " + table + " SET answered_by_update_id = :update"
                                + " WHERE engagement_id = :id AND audience = :audience AND scope = :scope AND answered_by_update_id IS NULL")
                .param("update", update.updateId())
                .param("id", update.engagementId())
                .param("audience", Sql.name(update.audience()))
                .param("scope", Sql.name(update.scope()))
                .execute();
    }

    /**
     * The open requests in {@code table} of the filtered engagements, in the order they were made,
     * with their messages opened: for the client and coach views, who may read them. {@code clientIds}
     * names each engagement's client ({@link EngagementFilter#clientIds}).
     */
    public static Map<String, List<OpenUpdateRequest>> open(
            JdbcClient jdbc,
            String table,
            EngagementFilter engagements,
            Map<String, String> clientIds,
            ConfidentialTexts.Reading reading) {
        return new EngagementFilter(
                        "answered_by_update_id IS NULL AND " + engagements.condition(), engagements.params())
                .children(jdbc, table, (rs, row) -> {
                    String engagementId = rs.getString("engagement_id");
                    String requestId = rs.getString("request_id");
                    return new OpenUpdateRequest(
                            requestId,
                            Sql.enumValue(rs, "audience", Audience.class),
                            Sql.enumValue(rs, "scope", Scope.class),
                            reading.open(
                                    UpdateRequested.messageField(clientIds.get(engagementId), engagementId, requestId),
                                    rs.getString("message"),
                                    "openRequests[" + requestId + "].message"),
                            rs.getString("requested_by"),
                            Sql.instant(rs, "requested_at"));
                });
    }
}
