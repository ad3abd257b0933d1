package coaching.ledger.baseline.engagement;

/** What an update is about, as in the ledger. */
public enum Scope {
    ATTENDANCE,
    PROGRESS,
    GOALS,
    OUTCOME
}
