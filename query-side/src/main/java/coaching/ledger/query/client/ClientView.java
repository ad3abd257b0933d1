package coaching.ledger.query.client;

import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.query.engagement.ConsentState;
import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.engagement.EngagementLifecycle;
import coaching.ledger.query.engagement.OpenUpdateRequest;
import coaching.ledger.query.engagement.SnapshotRead;
import coaching.ledger.query.engagement.UpdateRequests;
import coaching.ledger.query.rows.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the client tables, always for one client: only engagements whose client they are. */
@Component
@SnapshotRead
public class ClientView {

    private final JdbcClient jdbc;

    public ClientView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClientEngagement> engagementOf(String clientId, String engagementId) {
        EngagementFilter filter = EngagementFilter.related("client_engagement", "client_id", clientId)
                .and(EngagementFilter.one(engagementId));
        Details details = details(filter);
        return filter.rows(jdbc, "client_engagement", "engagement_id", (rs, row) -> engagement(rs, details)).stream()
                .findFirst();
    }

    /** What the engagement's child tables hold about it; read before the engagement row, one table at a time. */
    private record Details(
            List<Session> sessions,
            List<Consent> consents,
            List<Disclosure> disclosures,
            List<Refusal> refusals,
            List<OpenUpdateRequest> openRequests) {}

    private Details details(EngagementFilter filter) {
        Instant now = Instant.now();
        return new Details(
                children(filter, "client_session", ClientView::session),
                children(filter, "client_consent", (rs, row) -> consent(rs, now)),
                children(filter, "client_disclosure", ClientView::disclosure),
                children(filter, "client_refusal", ClientView::refusal),
                UpdateRequests.open(jdbc, "client_request", filter).values().stream()
                        .flatMap(List::stream)
                        .toList());
    }

    private static ClientEngagement engagement(ResultSet rs, Details details) throws SQLException {
        return new ClientEngagement(
                rs.getString("engagement_id"),
                rs.getString("client_id"),
                rs.getString("boss_id"),
                Sql.enumValue(rs, "purpose", Purpose.class),
                Sql.enumValue(rs, "urgency", Urgency.class),
                EngagementLifecycle.status(rs),
                Sql.ids(rs, "shortlist"),
                rs.getString("selected_coach_id"),
                EngagementLifecycle.budget(rs),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "closed_at"),
                Sql.enumValue(rs, "outcome", Outcome.class),
                rs.getString("close_reason"),
                satisfaction(rs),
                details.sessions(),
                details.consents(),
                details.disclosures(),
                details.refusals(),
                details.openRequests(),
                rs.getLong("version"));
    }

    /** The filter selects one engagement, so its children are all of them. */
    private <T> List<T> children(EngagementFilter filter, String table, RowMapper<T> mapper) {
        return filter.children(jdbc, table, mapper).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    private static ClientEngagement.Satisfaction satisfaction(ResultSet rs) throws SQLException {
        Integer score = Sql.nullableInt(rs, "satisfaction_score");
        return score == null ? null : new ClientEngagement.Satisfaction(score, rs.getString("satisfaction_comment"));
    }

    private static Session session(ResultSet rs, int row) throws SQLException {
        return new Session(
                rs.getString("session_id"),
                rs.getString("coach_id"),
                Sql.date(rs, "held_on"),
                rs.getInt("duration_minutes"),
                rs.getString("notes"));
    }

    private static Consent consent(ResultSet rs, Instant now) throws SQLException {
        Instant validUntil = Sql.instant(rs, "valid_until");
        return new Consent(
                rs.getString("consent_id"),
                Sql.enumValue(rs, "audience", Audience.class),
                Sql.scopes(rs, "scopes"),
                validUntil,
                rs.getString("purpose"),
                rs.getString("notice_version"),
                Sql.instant(rs, "granted_at"),
                Sql.enumValue(rs, "state", ConsentState.class).at(now, validUntil),
                Sql.instant(rs, "state_changed_at"),
                rs.getString("revoke_reason"));
    }

    private static Disclosure disclosure(ResultSet rs, int row) throws SQLException {
        return new Disclosure(
                rs.getString("update_id"),
                Sql.enumValue(rs, "audience", Audience.class),
                rs.getString("recipient_id"),
                Sql.enumValue(rs, "scope", Scope.class),
                rs.getString("content"),
                rs.getString("shared_by"),
                Sql.instant(rs, "shared_at"),
                rs.getString("consent_id"),
                rs.getString("purpose"));
    }

    private static Refusal refusal(ResultSet rs, int row) throws SQLException {
        return new Refusal(
                rs.getString("update_id"),
                Sql.enumValue(rs, "audience", Audience.class),
                Sql.enumValue(rs, "scope", Scope.class),
                rs.getString("attempted_by"),
                Sql.enumValue(rs, "reason", RefusalReason.class),
                Sql.instant(rs, "refused_at"));
    }
}
