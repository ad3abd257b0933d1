package coaching.ledger.query.hr;

/** Subscription to the HR view: every engagement now, then each engagement row as it changes. */
public record HrEngagementUpdates() {
}
