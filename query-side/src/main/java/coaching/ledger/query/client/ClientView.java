package coaching.ledger.query.client;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.query.engagement.ConfidentialTexts;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the client tables, always for one client: only engagements whose client they are. */
@Component
@SnapshotRead
public class ClientView {

    private final JdbcClient jdbc;
    private final ConfidentialTexts texts;

    public ClientView(JdbcClient jdbc, ConfidentialTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    /** The client's own engagements, oldest first, as summaries: one read of one table, nothing to unseal. */
    public List<ClientEngagementSummary> engagementsOf(String clientId) {
        return EngagementFilter.related("client_engagement", "client_id", clientId)
                .rows(
                        jdbc,
                        "client_engagement",
                        "opened_at, engagement_id",
                        (rs, row) -> new ClientEngagementSummary(
                                rs.getString("engagement_id"),
                                Sql.enumValue(rs, "purpose", Purpose.class),
                                Sql.enumValue(rs, "urgency", Urgency.class),
                                EngagementLifecycle.status(rs),
                                rs.getString("selected_coach_id"),
                                Sql.instant(rs, "opened_at"),
                                Sql.instant(rs, "closed_at"),
                                rs.getLong("version")));
    }

    public Optional<ClientEngagement> engagementOf(String clientId, String engagementId) {
        EngagementFilter filter = EngagementFilter.related("client_engagement", "client_id", clientId)
                .and(EngagementFilter.one(engagementId));
        ConfidentialTexts.Reading reading = texts.reading();
        Details details = details(filter, reading);
        List<Recipient> recipients = recipientsOf(clientId);
        return filter
                .rows(
                        jdbc,
                        "client_engagement",
                        "engagement_id",
                        (rs, row) -> engagement(rs, details, recipients, reading))
                .stream()
                .findFirst();
    }

    /**
     * Everyone an update about the client reached, in any of their engagements, read from the
     * disclosures the view keeps: the list an erasure notifies (GDPR Art. 19). An update goes to the
     * engagement's boss or HR person, so the audience is the recipient's role.
     */
    private List<Recipient> recipientsOf(String clientId) {
        Map<List<String>, List<DisclosedUpdate>> updates = new LinkedHashMap<>();
        jdbc.sql("SELECT d.recipient_id, d.audience, d.engagement_id, d.update_id, d.shared_at"
                        + " FROM client_disclosure d JOIN client_engagement e ON e.engagement_id = d.engagement_id"
                        + " WHERE e.client_id = :client"
                        + " ORDER BY d.recipient_id, d.audience, d.shared_at, d.engagement_id, d.update_id")
                .param("client", clientId)
                .query(rs -> {
                    updates.computeIfAbsent(
                                    List.of(rs.getString("recipient_id"), rs.getString("audience")),
                                    recipient -> new ArrayList<>())
                            .add(new DisclosedUpdate(
                                    rs.getString("engagement_id"),
                                    rs.getString("update_id"),
                                    Sql.instant(rs, "shared_at")));
                });
        return updates.entrySet().stream()
                .map(recipient -> new Recipient(
                        recipient.getKey().get(0),
                        Role.valueOf(recipient.getKey().get(1)),
                        List.copyOf(recipient.getValue())))
                .toList();
    }

    /** What the engagement's child tables hold about it; read before the engagement row, one table at a time. */
    private record Details(
            List<Session> sessions,
            List<Consent> consents,
            List<Disclosure> disclosures,
            List<Refusal> refusals,
            List<OpenUpdateRequest> openRequests) {}

    /** The client reads every confidential text of their own engagement, opened under their key. */
    private Details details(EngagementFilter filter, ConfidentialTexts.Reading reading) {
        Instant now = Instant.now();
        Map<String, String> clientIds = filter.clientIds(jdbc, "client_engagement");
        return new Details(
                children(filter, "client_session", (rs, row) -> session(rs, clientIds, reading)),
                children(filter, "client_consent", (rs, row) -> consent(rs, now, clientIds, reading)),
                children(filter, "client_disclosure", (rs, row) -> disclosure(rs, clientIds, reading)),
                children(filter, "client_refusal", ClientView::refusal),
                UpdateRequests.open(jdbc, "client_request", filter, clientIds, reading).values().stream()
                        .flatMap(List::stream)
                        .toList());
    }

    private ClientEngagement engagement(
            ResultSet rs, Details details, List<Recipient> recipients, ConfidentialTexts.Reading reading)
            throws SQLException {
        String engagementId = rs.getString("engagement_id");
        String clientId = rs.getString("client_id");
        String closeReason = reading.open(
                EngagementClosed.reasonField(clientId, engagementId), rs.getString("close_reason"), "closeReason");
        ClientEngagement.Satisfaction satisfaction = satisfaction(rs, clientId, engagementId, reading);
        return new ClientEngagement(
                engagementId,
                clientId,
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
                closeReason,
                satisfaction,
                details.sessions(),
                details.consents(),
                details.disclosures(),
                details.refusals(),
                details.openRequests(),
                recipients,
                reading.erasedIn(engagementId),
                rs.getLong("version"));
    }

    /** The filter selects one engagement, so its children are all of them. */
    private <T> List<T> children(EngagementFilter filter, String table, RowMapper<T> mapper) {
        return filter.children(jdbc, table, mapper).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    private ClientEngagement.Satisfaction satisfaction(
            ResultSet rs, String clientId, String engagementId, ConfidentialTexts.Reading reading) throws SQLException {
        Integer score = Sql.nullableInt(rs, "satisfaction_score");
        return score == null
                ? null
                : new ClientEngagement.Satisfaction(
                        score,
                        reading.open(
                                SatisfactionRecorded.commentField(clientId, engagementId),
                                rs.getString("satisfaction_comment"),
                                "satisfaction.comment"));
    }

    private static Session session(ResultSet rs, Map<String, String> clientIds, ConfidentialTexts.Reading reading)
            throws SQLException {
        String engagementId = rs.getString("engagement_id");
        String sessionId = rs.getString("session_id");
        return new Session(
                sessionId,
                rs.getString("coach_id"),
                Sql.date(rs, "held_on"),
                rs.getInt("duration_minutes"),
                reading.open(
                        SessionLogged.notesField(clientIds.get(engagementId), engagementId, sessionId),
                        rs.getString("notes"),
                        "sessions[" + sessionId + "].notes"));
    }

    private static Consent consent(
            ResultSet rs, Instant now, Map<String, String> clientIds, ConfidentialTexts.Reading reading)
            throws SQLException {
        String engagementId = rs.getString("engagement_id");
        String consentId = rs.getString("consent_id");
        Instant validUntil = Sql.instant(rs, "valid_until");
        return new Consent(
                consentId,
                Sql.enumValue(rs, "audience", Audience.class),
                Sql.scopes(rs, "scopes"),
                validUntil,
                rs.getString("purpose"),
                rs.getString("notice_version"),
                Sql.instant(rs, "granted_at"),
                Sql.enumValue(rs, "state", ConsentState.class).at(now, validUntil),
                Sql.instant(rs, "state_changed_at"),
                reading.open(
                        UpdateConsentRevoked.reasonField(clientIds.get(engagementId), engagementId, consentId),
                        rs.getString("revoke_reason"),
                        "consents[" + consentId + "].revokeReason"));
    }

    private static Disclosure disclosure(ResultSet rs, Map<String, String> clientIds, ConfidentialTexts.Reading reading)
            throws SQLException {
        String engagementId = rs.getString("engagement_id");
        String updateId = rs.getString("update_id");
        return new Disclosure(
                updateId,
                Sql.enumValue(rs, "audience", Audience.class),
                rs.getString("recipient_id"),
                Sql.enumValue(rs, "scope", Scope.class),
                reading.open(
                        UpdateShared.contentField(clientIds.get(engagementId), engagementId, updateId),
                        rs.getString("content"),
                        "disclosures[" + updateId + "].content"),
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
