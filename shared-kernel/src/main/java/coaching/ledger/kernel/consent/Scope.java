package coaching.ledger.kernel.consent;

/** What kind of information an update carries; a consent names the scopes it covers. */
public enum Scope {
    ATTENDANCE,
    PROGRESS,
    GOALS,
    OUTCOME
}
