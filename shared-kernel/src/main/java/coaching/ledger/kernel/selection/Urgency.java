package coaching.ledger.kernel.selection;

public enum Urgency {
    LOW,
    NORMAL,
    HIGH
}
