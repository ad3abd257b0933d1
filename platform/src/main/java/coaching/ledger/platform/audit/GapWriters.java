package coaching.ledger.platform.audit;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a gap the sealer found in an earlier round can still fill, asked of the database itself so
 * that a gap nobody will ever fill (a rolled-back conflict, an append cut off by an outage or a kill)
 * does not hold the export and verification back for the whole gap timeout. A transaction holding
 * the gap's index drew it before the later event that revealed the gap committed, so it was already
 * writing then and is still open while it may commit:
 * <ul>
 *   <li>PostgreSQL: an INSERT takes ROW EXCLUSIVE on {@code DomainEventEntry} when it starts, before
 *       it draws its index, and keeps it until its transaction ends. No other session holding a
 *       writing lock on the table means every such transaction has ended.</li>
 *   <li>H2: every session of the database, in this process or connected to it, is listed with its
 *       running statement and whether it holds uncommitted changes (visible to an admin user only,
 *       which the ledger's H2 user is; otherwise unknown).</li>
 * </ul>
 * Conservative: any writer at all makes the sealer wait, so under steady writes the gap timeout
 * still decides. Other databases: unknown, the timeout decides.
 */
final class GapWriters {

    private static final String POSTGRESQL_WRITERS = "SELECT COUNT(*) FROM pg_locks"
            + " WHERE locktype = 'relation' AND relation = to_regclass('domainevententry')"
            + " AND mode NOT IN ('AccessShareLock', 'RowShareLock') AND pid IS DISTINCT FROM pg_backend_pid()";
    private static final String H2_WRITERS = "SELECT CASE WHEN (SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS"
            + " WHERE USER_NAME = CURRENT_USER) THEN (SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
            + " WHERE SESSION_ID <> SESSION_ID() AND (CONTAINS_UNCOMMITTED OR EXECUTING_STATEMENT IS NOT NULL))"
            + " ELSE -1 END";

    private final JdbcTemplate jdbc;
    private volatile DatabaseDriver database;

    GapWriters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True only when it is certain that no transaction still open can store an event into a known gap. */
    boolean noneCanFill() {
        String writers = switch (database()) {
            case POSTGRESQL -> POSTGRESQL_WRITERS;
            case H2 -> H2_WRITERS;
            default -> null;
        };
        if (writers == null) {
            return false;
        }
        Long count = jdbc.queryForObject(writers, Long.class);
        return count != null && count == 0;
    }

    private DatabaseDriver database() {
        DatabaseDriver known = database;
        if (known == null) {
            known = DatabaseDriver.fromProductName(jdbc.execute((ConnectionCallback<String>)
                    connection -> connection.getMetaData().getDatabaseProductName()));
            database = known;
        }
        return known;
    }
}
