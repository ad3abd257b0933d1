package coaching.ledger.query.compliance;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.query.engagement.ConsentState;
import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.engagement.SnapshotRead;
import coaching.ledger.query.rows.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the compliance tables. */
@Component
@SnapshotRead
public class ComplianceView {

    private final JdbcClient jdbc;

    public ComplianceView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ComplianceEngagement> engagements(EngagementFilter filter) {
        Map<String, List<ComplianceEngagement.Disclosure>> disclosures =
                filter.children(jdbc, "compliance_disclosure", (rs, row) -> disclosure(rs));
        Map<String, List<ComplianceEngagement.Refusal>> refusals =
                filter.children(jdbc, "compliance_refusal", (rs, row) -> refusal(rs));
        Map<String, List<ComplianceEngagement.LegalHold>> holds = filter.children(
                jdbc,
                "compliance_legal_hold",
                (rs, row) -> new ComplianceEngagement.LegalHold(
                        rs.getString("hold_id"),
                        rs.getString("reason"),
                        rs.getString("placed_by"),
                        Sql.instant(rs, "placed_at"),
                        Sql.instant(rs, "released_at")));
        return filter.rows(jdbc, "compliance_engagement", "engagement_id", (rs, row) -> {
            String engagementId = rs.getString("engagement_id");
            return new ComplianceEngagement(
                    engagementId,
                    disclosures.getOrDefault(engagementId, List.of()),
                    refusals.getOrDefault(engagementId, List.of()),
                    holds.getOrDefault(engagementId, List.of()),
                    rs.getLong("version"));
        });
    }

    /** Every erasure, or those of the client {@code clientId} names (null: all), in the order they were made. */
    public List<ComplianceErasure> erasures(String clientId) {
        String where = clientId == null ? "" : " WHERE client_id = :client";
        Map<String, Object> params = clientId == null ? Map.of() : Map.of("client", clientId);
        Map<List<String>, List<DisclosedUpdate>> updates = jdbc
                .sql("SELECT * FROM compliance_erasure_update" + where
                        + " ORDER BY shared_at, engagement_id, update_id")
                .params(params)
                .query((rs, row) -> Map.entry(
                        List.of(rs.getString("erasure_id"), rs.getString("recipient_id")),
                        new DisclosedUpdate(
                                rs.getString("engagement_id"),
                                rs.getString("update_id"),
                                Sql.instant(rs, "shared_at"))))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, List<ComplianceErasure.Recipient>> recipients = jdbc
                .sql("SELECT * FROM compliance_erasure_recipient" + where + " ORDER BY erasure_id, sequence_number")
                .params(params)
                .query((rs, row) -> {
                    String erasureId = rs.getString("erasure_id");
                    String recipientId = rs.getString("recipient_id");
                    return Map.entry(
                            erasureId,
                            new ComplianceErasure.Recipient(
                                    recipientId,
                                    Sql.enumValue(rs, "recipient_role", Role.class),
                                    updates.getOrDefault(List.of(erasureId, recipientId), List.of()),
                                    rs.getBoolean("notified"),
                                    Sql.instant(rs, "notified_at"),
                                    rs.getString("notified_by")));
                })
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("SELECT * FROM compliance_erasure" + where + " ORDER BY erased_at, erasure_id")
                .params(params)
                .query((rs, row) -> {
                    String erasureId = rs.getString("erasure_id");
                    return new ComplianceErasure(
                            rs.getString("client_id"),
                            erasureId,
                            rs.getString("reason"),
                            rs.getString("erased_by"),
                            Sql.instant(rs, "erased_at"),
                            Sql.ids(rs, "engagement_ids"),
                            rs.getInt("legacy_plaintext_fields"),
                            recipients.getOrDefault(erasureId, List.of()));
                })
                .list();
    }

    private static ComplianceEngagement.Disclosure disclosure(ResultSet rs) throws SQLException {
        return new ComplianceEngagement.Disclosure(
                rs.getString("event_id"),
                Sql.nullableLong(rs, "global_index"),
                rs.getString("update_id"),
                Sql.instant(rs, "shared_at"),
                Sql.actor(rs, "actor_id", "actor_role"),
                rs.getString("recipient_id"),
                Sql.enumValue(rs, "audience", Audience.class),
                Sql.enumValue(rs, "scope", Scope.class),
                rs.getString("purpose"),
                trace(rs));
    }

    private static ComplianceEngagement.ConsentTrace trace(ResultSet rs) throws SQLException {
        return new ComplianceEngagement.ConsentTrace(
                rs.getString("consent_id"),
                rs.getString("grant_event_id"),
                Sql.nullableLong(rs, "grant_global_index"),
                Sql.instant(rs, "granted_at"),
                rs.getString("scopes") == null ? null : Sql.scopes(rs, "scopes"),
                Sql.instant(rs, "valid_until"),
                Sql.enumValue(rs, "state_at_disclosure", ConsentState.class));
    }

    private static ComplianceEngagement.Refusal refusal(ResultSet rs) throws SQLException {
        return new ComplianceEngagement.Refusal(
                rs.getString("event_id"),
                Sql.nullableLong(rs, "global_index"),
                rs.getString("update_id"),
                Sql.instant(rs, "refused_at"),
                Sql.actor(rs, "actor_id", "actor_role"),
                Sql.enumValue(rs, "audience", Audience.class),
                Sql.enumValue(rs, "scope", Scope.class),
                Sql.enumValue(rs, "reason", RefusalReason.class));
    }
}
