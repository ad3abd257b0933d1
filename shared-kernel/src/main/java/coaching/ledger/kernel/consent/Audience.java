package coaching.ledger.kernel.consent;

/** Who may receive an update: the engagement's boss or the HR person who opened it. */
public enum Audience {
    BOSS,
    HR
}
