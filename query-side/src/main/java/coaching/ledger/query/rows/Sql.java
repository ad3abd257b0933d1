package coaching.ledger.query.rows;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.consent.Scope;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Column conventions of every view table. Instants are TIMESTAMP WITH TIME ZONE (both JDBC drivers
 * take OffsetDateTime, not Instant); id lists are comma-joined, which is safe because identifiers
 * never contain a comma; enums are stored by name.
 */
public final class Sql {

    private Sql() {}

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    public static String ids(Collection<String> ids) {
        return ids == null ? null : String.join(",", ids);
    }

    public static List<String> ids(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    /** In declaration order, so the same set is always stored as the same text (replays compare equal). */
    public static String scopes(Set<Scope> scopes) {
        return scopes.isEmpty()
                ? ""
                : EnumSet.copyOf(scopes).stream().map(Scope::name).collect(Collectors.joining(","));
    }

    public static List<Scope> scopes(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isEmpty()
                ? List.of()
                : Arrays.stream(value.split(",")).map(Scope::valueOf).toList();
    }

    /**
     * The event's position in the event store (its global index), or null where the store gives none.
     * On the JDBC store an event's token is the stream's position after it, which is the event's own
     * index except for an event that committed after later ones (it filled a gap): that one carries
     * the highest index seen so far (a disclosure recorded as 66 was stored at 65, and a fresh replay
     * said 65; CrashSafety*IT). There the index is read from the event table.
     */
    public static Long globalIndex(TrackingToken token, String eventId, JdbcClient jdbc) {
        if (token instanceof GapAwareTrackingToken) {
            return jdbc.sql("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = :id")
                    .param("id", eventId)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    /** The actor named by two columns, or null where an event carried none. */
    public static Actor actor(ResultSet rs, String idColumn, String roleColumn) throws SQLException {
        String id = rs.getString(idColumn);
        String role = rs.getString(roleColumn);
        return id == null || role == null ? null : new Actor(id, Role.valueOf(role));
    }
}
