package coaching.ledger.kernel.closure;

public enum Outcome {
    COMPLETED,
    TERMINATED
}
