package coaching.ledger.platform.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by a database the ledger cannot reach (connections refused, broken or timed
 * out) from any other. Each path wraps the driver's exception its own way: Spring as
 * CannotCreateTransactionException or DataAccessResourceFailureException, Axon as EventStoreException
 * or JdbcException around the SQLException, Hikari as SQLTransientConnectionException when no
 * connection came within its timeout. So the whole chain of causes is searched.
 */
public final class DatabaseOutage {

    /** SQLSTATE class 08, "connection exception", of the SQL standard (PostgreSQL and H2 alike). */
    private static final String CONNECTION_EXCEPTION = "08";

    /**
     * Hikari closes a connection under its user as soon as the driver reports it broken (SQLSTATE 08
     * and a few fatal codes). Whatever the transaction does with it next fails with this message and
     * no SQLSTATE: a later statement, or the rollback after a failed commit, whose failure Spring then
     * reports instead of the commit's.
     */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private DatabaseOutage() {}

    public static boolean caused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
                return true;
            }
            if (cause instanceof TransactionSystemException failed
                    && failed.getApplicationException() != null
                    && caused(failed.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** A batch reports its failure as the next exception of a BatchUpdateException: every chained one counts. */
    private static boolean isConnectionFailure(SQLException failure) {
        for (Throwable chained : failure) {
            if (chained instanceof SQLTransientConnectionException
                    || chained instanceof SQLNonTransientConnectionException
                    || chained instanceof SQLRecoverableException) {
                return true;
            }
            if (chained instanceof SQLException sql
                    && (sql.getSQLState() == null
                            ? CLOSED_BY_POOL.equals(sql.getMessage())
                            : sql.getSQLState().startsWith(CONNECTION_EXCEPTION))) {
                return true;
            }
        }
        return false;
    }
}
