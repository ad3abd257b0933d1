package coaching.ledger.query.hr;

import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.coaches.Certification;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.query.engagement.ConfidentialTexts;
import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.engagement.EngagementLifecycle;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.engagement.SnapshotRead;
import coaching.ledger.query.rows.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Reads the HR tables. */
@Component
@SnapshotRead
public class HrView {

    private static final int MIN_SCORES_FOR_AVERAGE = 3;
    private static final TypeReference<List<Certification>> CERTIFICATIONS = new TypeReference<>() {};
    private static final TypeReference<List<String>> SPECIALTIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ConfidentialTexts texts;

    public HrView(JdbcClient jdbc, JsonMapper json, ConfidentialTexts texts) {
        this.jdbc = jdbc;
        this.json = json;
        this.texts = texts;
    }

    /**
     * A page of the engagements {@code query} asks for, with only the updates shared with
     * {@code hrUserId}: the client consented to tell the HR person who asked, not every HR user, and
     * the others' updates are never read. HR may see every engagement, so the total counts every
     * engagement the filter matches. The page's ids are chosen first, so the child rows are read for
     * those engagements only.
     */
    public HrEngagementPage engagementsVisibleTo(String hrUserId, HrEngagementQuery query) {
        EngagementFilter matching = query.filter();
        long total = jdbc.sql("SELECT COUNT(*) FROM hr_engagement WHERE " + matching.condition())
                .params(matching.params())
                .query(Long.class)
                .single();
        List<String> ids = jdbc.sql("SELECT engagement_id FROM hr_engagement WHERE " + matching.condition()
                        + " ORDER BY " + query.sort().orderBy() + " LIMIT :size OFFSET :offset")
                .params(matching.params())
                .param("size", query.size())
                .param("offset", query.offset())
                .query(String.class)
                .list();
        List<HrEngagement> page = ids.isEmpty()
                ? List.of()
                : engagements(
                        EngagementFilter.among(ids), hrUserId, query.sort().orderBy());
        return new HrEngagementPage(query, page, total);
    }

    /**
     * The live stream's first answer, a page at a time so a stream never holds every row: up to
     * {@code size} engagements after {@code afterEngagementId} in id order, as {@code hrUserId} sees them.
     */
    public List<HrEngagement> pageVisibleTo(String hrUserId, String afterEngagementId, int size) {
        List<String> ids = jdbc.sql("SELECT engagement_id FROM hr_engagement WHERE engagement_id > :after"
                        + " ORDER BY engagement_id FETCH FIRST " + size + " ROWS ONLY")
                .param("after", afterEngagementId)
                .query(String.class)
                .list();
        return visibleTo(hrUserId, ids);
    }

    /** These engagements as {@code hrUserId} sees them, in id order. */
    public List<HrEngagement> visibleTo(String hrUserId, Collection<String> engagementIds) {
        return engagementIds.isEmpty()
                ? List.of()
                : engagements(EngagementFilter.among(engagementIds), hrUserId, "engagement_id");
    }

    private List<HrEngagement> engagements(EngagementFilter filter, String hrUserId, String orderBy) {
        ConfidentialTexts.Reading reading = texts.reading();
        Map<String, List<HrUpdate>> updates = updates(
                filter.and(new EngagementFilter("recipient_id = :recipient", Map.of("recipient", hrUserId))),
                filter.clientIds(jdbc, "hr_engagement"),
                reading);
        return filter.rows(jdbc, "hr_engagement", orderBy, (rs, row) -> {
            String engagementId = rs.getString("engagement_id");
            return engagement(rs, updates.getOrDefault(engagementId, List.of()), reading.erasedIn(engagementId));
        });
    }

    /** The HR table keeps only updates addressed to HR, and the filter only the reader's own: theirs to read. */
    private Map<String, List<HrUpdate>> updates(
            EngagementFilter filter, Map<String, String> clientIds, ConfidentialTexts.Reading reading) {
        return filter.children(jdbc, "hr_update", (rs, row) -> {
            String engagementId = rs.getString("engagement_id");
            String updateId = rs.getString("update_id");
            return new HrUpdate(
                    updateId,
                    Sql.enumValue(rs, "scope", Scope.class),
                    reading.open(
                            UpdateShared.contentField(clientIds.get(engagementId), engagementId, updateId),
                            rs.getString("content"),
                            "updates[" + updateId + "].content"),
                    rs.getString("recipient_id"),
                    Sql.instant(rs, "shared_at"),
                    rs.getString("shared_by"),
                    rs.getString("consent_id"));
        });
    }

    private static HrEngagement engagement(ResultSet rs, List<HrUpdate> updates, List<String> erased)
            throws SQLException {
        return new HrEngagement(
                rs.getString("engagement_id"),
                rs.getString("client_id"),
                rs.getString("boss_id"),
                rs.getString("hr_id"),
                Sql.enumValue(rs, "purpose", Purpose.class),
                Sql.enumValue(rs, "urgency", Urgency.class),
                EngagementLifecycle.status(rs),
                Sql.ids(rs, "shortlist"),
                rs.getString("selected_coach_id"),
                EngagementLifecycle.budget(rs),
                Sql.instant(rs, "opened_at"),
                Sql.instant(rs, "closed_at"),
                Sql.enumValue(rs, "outcome", Outcome.class),
                Sql.nullableInt(rs, "satisfaction_score"),
                updates,
                erased,
                rs.getLong("version"));
    }

    /** Satisfaction and workload come from the engagements each coach was selected for. */
    public List<HrCoach> coaches() {
        return jdbc.sql("""
                        SELECT c.coach_id, c.display_name, c.certifications, c.years_experience, c.specialties,
                               COALESCE(e.active_engagements, 0) AS active_engagements,
                               COALESCE(e.scores, 0) AS scores, COALESCE(e.score_total, 0) AS score_total
                        FROM hr_coach c LEFT JOIN (
                            SELECT selected_coach_id,
                                   COUNT(CASE WHEN status = 'ACTIVE' THEN 1 END) AS active_engagements,
                                   COUNT(satisfaction_score) AS scores, SUM(satisfaction_score) AS score_total
                            FROM hr_engagement WHERE selected_coach_id IS NOT NULL GROUP BY selected_coach_id
                        ) e ON e.selected_coach_id = c.coach_id
                        ORDER BY c.display_name, c.coach_id""")
                .query((rs, row) -> new HrCoach(
                        rs.getString("coach_id"),
                        rs.getString("display_name"),
                        json.readValue(rs.getString("certifications"), CERTIFICATIONS),
                        rs.getInt("years_experience"),
                        json.readValue(rs.getString("specialties"), SPECIALTIES),
                        rs.getInt("active_engagements"),
                        average(rs.getLong("score_total"), rs.getLong("scores"))))
                .list();
    }

    private static BigDecimal average(long total, long scores) {
        return scores < MIN_SCORES_FOR_AVERAGE
                ? null
                : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(scores), 2, RoundingMode.HALF_UP);
    }

    /** Every status, purpose and score has its cell, also where nothing is counted yet. */
    public HrDashboard dashboard() {
        return HrDashboard.of(
                counts("status", names(EngagementStatus.values())),
                counts("purpose", names(Purpose.values())),
                counts(
                        "satisfaction_score",
                        IntStream.rangeClosed(1, 5).mapToObj(String::valueOf).toList()));
    }

    private Map<String, Long> counts(String column, List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        jdbc.sql("SELECT " + column + " AS cell, COUNT(*) AS engagements FROM hr_engagement WHERE " + column
                        + " IS NOT NULL GROUP BY " + column)
                .query((rs, row) -> Map.entry(rs.getString("cell"), rs.getLong("engagements")))
                .list()
                .forEach(cell -> counts.put(cell.getKey(), cell.getValue()));
        return counts;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
