package coaching.ledger.kernel.selection;

public enum Purpose {
    DEVELOPMENTAL,
    REMEDIAL
}
