package coaching.ledger.query.projections.deadletters;

/**
 * What retrying a view's parked events did: of {@code sequences} engagements with parked events,
 * {@code sequencesCleared} were applied to the end; {@code eventsApplied} events in all, and
 * {@code stillParked} events remain parked (a sequence stops at its first event that fails again).
 */
public record RetryOutcome(String view, int sequences, int sequencesCleared, long eventsApplied, long stillParked) {}
