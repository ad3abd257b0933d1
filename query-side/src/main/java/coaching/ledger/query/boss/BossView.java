package coaching.ledger.query.boss;

import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.query.engagement.ConfidentialTexts;
import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.engagement.EngagementLifecycle;
import coaching.ledger.query.engagement.SnapshotRead;
import coaching.ledger.query.rows.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the boss tables, always for one boss: the engagements where they are the boss. */
@Component
@SnapshotRead
public class BossView {

    private final JdbcClient jdbc;
    private final ConfidentialTexts texts;

    public BossView(JdbcClient jdbc, ConfidentialTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    public List<BossEngagement> engagementsOf(String bossId) {
        return engagements(bossOf(bossId));
    }

    public Optional<BossEngagement> engagementOf(String bossId, String engagementId) {
        return engagements(bossOf(bossId).and(EngagementFilter.one(engagementId))).stream()
                .findFirst();
    }

    private static EngagementFilter bossOf(String bossId) {
        return EngagementFilter.related("boss_engagement", "boss_id", bossId);
    }

    /** The boss table keeps only updates addressed to the boss, so their content is theirs to read. */
    private List<BossEngagement> engagements(EngagementFilter filter) {
        Map<String, String> clientIds = filter.clientIds(jdbc, "boss_engagement");
        ConfidentialTexts.Reading reading = texts.reading();
        Map<String, List<BossUpdate>> updates = filter.children(jdbc, "boss_update", (rs, row) -> {
            String engagementId = rs.getString("engagement_id");
            String updateId = rs.getString("update_id");
            return new BossUpdate(
                    updateId,
                    Sql.enumValue(rs, "scope", Scope.class),
                    reading.open(
                            UpdateShared.contentField(clientIds.get(engagementId), engagementId, updateId),
                            rs.getString("content"),
                            "updates[" + updateId + "].content"),
                    Sql.instant(rs, "shared_at"),
                    rs.getString("shared_by"),
                    rs.getString("consent_id"));
        });
        return filter.rows(
                jdbc,
                "boss_engagement",
                "opened_at, engagement_id",
                (rs, row) -> new BossEngagement(
                        rs.getString("engagement_id"),
                        rs.getString("client_id"),
                        Sql.enumValue(rs, "purpose", Purpose.class),
                        Sql.enumValue(rs, "urgency", Urgency.class),
                        EngagementLifecycle.status(rs),
                        rs.getString("selected_coach_id"),
                        EngagementLifecycle.budget(rs),
                        Sql.instant(rs, "opened_at"),
                        Sql.instant(rs, "closed_at"),
                        Sql.enumValue(rs, "outcome", Outcome.class),
                        updates.getOrDefault(rs.getString("engagement_id"), List.of()),
                        reading.erasedIn(rs.getString("engagement_id")),
                        rs.getLong("version")));
    }
}
