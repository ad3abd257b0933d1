package coaching.ledger.query.engagement;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which rows a read is about: a condition on {@code engagement_id} that applies to an engagement
 * table and to its child tables alike (so one request reads each table once), narrowed where needed
 * by a condition on a child table's own columns.
 */
public record EngagementFilter(String condition, Map<String, ?> params) {

    public static EngagementFilter all() {
        return new EngagementFilter("1 = 1", Map.of());
    }

    public static EngagementFilter one(String engagementId) {
        return new EngagementFilter("engagement_id = :engagementId", Map.of("engagementId", engagementId));
    }

    public static EngagementFilter among(Collection<String> engagementIds) {
        return new EngagementFilter("engagement_id IN (:engagementIds)", Map.of("engagementIds", engagementIds));
    }

    /** Engagements of {@code table} whose {@code column} names the principal (their boss, their coach). */
    public static EngagementFilter related(String table, String column, String principalId) {
        return new EngagementFilter(
                "engagement_id IN (SELECT engagement_id FROM " + table + " WHERE " + column + " = :principal)",
                Map.of("principal", principalId));
    }

    public EngagementFilter and(EngagementFilter other) {
        Map<String, Object> both = new LinkedHashMap<>(params);
        both.putAll(other.params);
        return new EngagementFilter("(" + condition + ") AND (" + other.condition + ")", both);
    }

    public <T> List<T> rows(JdbcClient jdbc, String table, String orderBy, RowMapper<T> mapper) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE " + condition + " ORDER BY " + orderBy)
                .params(params)
                .query(mapper)
                .list();
    }

    /**
     * The client of each engagement of {@code engagementTable} (a view's engagement rows, with their
     * {@code client_id}): whose key opens the confidential texts of its child rows.
     */
    public Map<String, String> clientIds(JdbcClient jdbc, String engagementTable) {
        Map<String, String> clients = new HashMap<>();
        jdbc.sql("SELECT engagement_id, client_id FROM " + engagementTable + " WHERE " + condition)
                .params(params)
                .query(rs -> {
                    clients.put(rs.getString("engagement_id"), rs.getString("client_id"));
                });
        return clients;
    }

    /** Rows of a child table (engagement_id, ..., sequence_number) per engagement, in event order. */
    public <T> Map<String, List<T>> children(JdbcClient jdbc, String table, RowMapper<T> mapper) {
        return rows(
                        jdbc,
                        table,
                        "engagement_id, sequence_number",
                        (rs, row) -> Map.entry(rs.getString("engagement_id"), mapper.mapRow(rs, row)))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
