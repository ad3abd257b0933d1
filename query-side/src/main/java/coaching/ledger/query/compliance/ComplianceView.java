package coaching.ledger.query.compliance;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RefusalReason;
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
        return filter.rows(jdbc, "compliance_engagement", "engagement_id", (rs, row) -> {
            String engagementId = rs.getString("engagement_id");
            return new ComplianceEngagement(
                    engagementId,
                    disclosures.getOrDefault(engagementId, List.of()),
                    refusals.getOrDefault(engagementId, List.of()),
                    rs.getLong("version"));
        });
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
