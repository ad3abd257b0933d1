package coaching.ledger.query.coach;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.query.engagement.ConfidentialTexts;
import coaching.ledger.query.engagement.ConsentState;
import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.engagement.EngagementLifecycle;
import coaching.ledger.query.engagement.OpenUpdateRequest;
import coaching.ledger.query.engagement.SnapshotRead;
import coaching.ledger.query.engagement.UpdateRequests;
import coaching.ledger.query.rows.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the coach tables, always for one coach: only engagements where they are the selected coach. */
@Component
@SnapshotRead
public class CoachView {

    private final JdbcClient jdbc;
    private final ConfidentialTexts texts;

    public CoachView(JdbcClient jdbc, ConfidentialTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    public List<CoachEngagement> engagementsOf(String coachId) {
        return engagements(coachId, selected(coachId));
    }

    public Optional<CoachEngagement> engagementOf(String coachId, String engagementId) {
        return engagements(coachId, selected(coachId).and(EngagementFilter.one(engagementId))).stream()
                .findFirst();
    }

    private static EngagementFilter selected(String coachId) {
        return EngagementFilter.related("coach_engagement", "selected_coach_id", coachId);
    }

    /** The coach reads the notes of their own sessions and the messages of open requests; nothing else confidential. */
    private List<CoachEngagement> engagements(String coachId, EngagementFilter filter) {
        Map<String, String> clientIds = filter.clientIds(jdbc, "coach_engagement");
        ConfidentialTexts.Reading reading = texts.reading();
        Map<String, List<CoachEngagement.Session>> sessions = loggedBy(coachId, filter, clientIds, reading);
        Map<String, List<CoachEngagement.ConsentInForce>> consents = inForce(filter, Instant.now());
        Map<String, List<OpenUpdateRequest>> open =
                UpdateRequests.open(jdbc, "coach_request", filter, clientIds, reading);
        Map<String, List<CoachEngagement.SharedUpdate>> shared = sharedUpdates(filter);
        return filter.rows(jdbc, "coach_engagement", "opened_at, engagement_id", (rs, row) -> {
            String engagementId = rs.getString("engagement_id");
            return new CoachEngagement(
                    engagementId,
                    rs.getString("client_id"),
                    EngagementLifecycle.status(rs),
                    EngagementLifecycle.budget(rs),
                    sessions.getOrDefault(engagementId, List.of()),
                    consents.getOrDefault(engagementId, List.of()),
                    open.getOrDefault(engagementId, List.of()),
                    shared.getOrDefault(engagementId, List.of()),
                    reading.erasedIn(engagementId),
                    rs.getLong("version"));
        });
    }

    private Map<String, List<CoachEngagement.Session>> loggedBy(
            String coachId, EngagementFilter filter, Map<String, String> clientIds, ConfidentialTexts.Reading reading) {
        return filter.and(new EngagementFilter("coach_id = :coach", Map.of("coach", coachId)))
                .children(jdbc, "coach_session", (rs, row) -> {
                    String engagementId = rs.getString("engagement_id");
                    String sessionId = rs.getString("session_id");
                    return new CoachEngagement.Session(
                            sessionId,
                            Sql.date(rs, "held_on"),
                            rs.getInt("duration_minutes"),
                            reading.open(
                                    SessionLogged.notesField(clientIds.get(engagementId), engagementId, sessionId),
                                    rs.getString("notes"),
                                    "sessions[" + sessionId + "].notes"));
                });
    }

    private Map<String, List<CoachEngagement.SharedUpdate>> sharedUpdates(EngagementFilter filter) {
        return filter.children(
                jdbc,
                "coach_update",
                (rs, row) -> new CoachEngagement.SharedUpdate(
                        rs.getString("update_id"),
                        Sql.enumValue(rs, "audience", Audience.class),
                        Sql.enumValue(rs, "scope", Scope.class),
                        rs.getString("shared_by"),
                        Sql.instant(rs, "shared_at")));
    }

    /** Active consents short of their validUntil; expiry is not an event, so it is checked now. */
    private Map<String, List<CoachEngagement.ConsentInForce>> inForce(EngagementFilter filter, Instant now) {
        Map<String, List<CoachEngagement.ConsentInForce>> consents = filter.and(
                        new EngagementFilter("state = 'ACTIVE'", Map.of()))
                .children(
                        jdbc,
                        "coach_consent",
                        (rs, row) -> new CoachEngagement.ConsentInForce(
                                rs.getString("consent_id"),
                                Sql.enumValue(rs, "audience", Audience.class),
                                Sql.scopes(rs, "scopes"),
                                Sql.instant(rs, "valid_until"),
                                rs.getString("purpose")));
        consents.replaceAll((engagementId, active) -> active.stream()
                .filter(consent -> ConsentState.ACTIVE.at(now, consent.validUntil()) == ConsentState.ACTIVE)
                .toList());
        return consents;
    }
}
