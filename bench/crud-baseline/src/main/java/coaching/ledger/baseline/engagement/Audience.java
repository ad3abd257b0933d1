package coaching.ledger.baseline.engagement;

/** Who an update is shared with, as in the ledger. */
public enum Audience {
    BOSS,
    HR
}
