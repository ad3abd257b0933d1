package coaching.ledger.query.rows;

/**
 * A view's statement the database refused. It names the statement (its text holds no values, they
 * are bound) and the failure's types and SQLState, and keeps no cause: the database's own message
 * may quote the values, confidential ones included, and would travel on into logs and dead letters.
 */
public class ViewWriteFailed extends RuntimeException {

    ViewWriteFailed(String sql, Throwable failure) {
        super(Failures.describe(failure) + " on: " + sql);
    }
}
