package coaching.ledger.query.projections;

/**
 * Where one projection stands. {@code position} is the global index of the event store up to which
 * every segment has processed; {@code replayProgress} is a percentage while {@code replaying}, else null.
 * {@code parked} counts the events the view parked (dead-lettered) and has not applied.
 */
public record ProjectionStatus(
        String name,
        boolean running,
        Long position,
        boolean caughtUp,
        boolean replaying,
        Integer replayProgress,
        long parked) {}
