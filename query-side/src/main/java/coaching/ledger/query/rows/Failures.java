package coaching.ledger.query.rows;

import coaching.ledger.platform.web.DatabaseOutage;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the views judge and describe a failure. A database's error text may quote the values of the
 * statement (H2 does: "Value too long for column ...: 'the session notes...'"), so a failure is
 * described by its exception types and SQLState only, never by its messages.
 */
public final class Failures {

    /** SQLState classes of trouble that passes besides a lost connection: rollback/deadlock (40), resources (53), shutdown (57P). */
    private static final List<String> TRANSIENT_STATES = List.of("40", "53", "57P", "HYT");

    private Failures() {}

    /**
     * Whether trying the same thing again later may work: the database was unreachable (judged as the
     * web layer judges a 503, {@link DatabaseOutage}) or busy, not the event wrong.
     */
    public static boolean isTransient(Throwable failure) {
        if (DatabaseOutage.caused(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && TRANSIENT_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** The exception types from outermost to root cause, with the SQLState where there is one; no messages. */
    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = failure; cause != null && parts.size() < 8; cause = cause.getCause()) {
            String part = cause.getClass().getSimpleName();
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                part += " (SQLState " + sql.getSQLState() + ")";
            }
            parts.add(part);
            if (cause.getCause() == cause) {
                break;
            }
        }
        return String.join(" <- ", parts);
    }
}
