package coaching.ledger.query.projections.deadletters;

import coaching.ledger.query.rows.Failures;

/** A view's handler failed: its types and SQLState, without the messages (see {@link Failures}). */
class ViewHandlingFailed extends RuntimeException {

    private final String failureType;

    ViewHandlingFailed(Throwable failure) {
        super(Failures.describe(failure));
        this.failureType = failure.getClass().getName();
    }

    /** The class of the failure this stands for. */
    String failureType() {
        return failureType;
    }
}
