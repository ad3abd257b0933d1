package coaching.ledger.platform.audit;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a gap the sealer found in an earlier round can still fill, asked of the database itself so
 * that a gap nobody will ever fill (a rolled-back conflict, a transaction cut off by an outage) does
 * not hold the export and verification back for the whole gap timeout.
 *
 * <p>On PostgreSQL an INSERT takes ROW EXCLUSIVE on {@code DomainEventEntry} when it starts, before
 * it draws its global index, and keeps it until its transaction ends. A transaction holding the gap's
 * index drew it before the later event that revealed the gap committed, so it held the lock then and
 * holds it still while it may commit. With no other session holding a writing lock on the table now,
 * every such transaction has ended: the gap is final. Sound without clocks, and conservative: any
 * writer at all makes the sealer wait, so under steady writes the gap timeout still decides.
 * Elsewhere (H2) the answer is "may still fill".
 */
final class GapWriters {

    private static final String POSTGRESQL = "PostgreSQL";

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    GapWriters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True only when it is certain that no transaction still open can store an event into a known gap. */
    boolean noneCanFill() {
        if (!isPostgres()) {
            return false;
        }
        Integer writers = jdbc.queryForObject("SELECT COUNT(*) FROM pg_locks"
                + " WHERE locktype = 'relation' AND relation = to_regclass('domainevententry')"
                + " AND mode NOT IN ('AccessShareLock', 'RowShareLock')"
                + " AND pid IS DISTINCT FROM pg_backend_pid()", Integer.class);
        return writers != null && writers == 0;
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = POSTGRESQL.equals(jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }
}
