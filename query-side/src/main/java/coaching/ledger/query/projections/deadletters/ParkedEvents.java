package coaching.ledger.query.projections.deadletters;

import java.util.List;

/** A view's parked events: {@code parked} in all, and the first of them, engagement by engagement. */
public record ParkedEvents(String view, long parked, List<ParkedEvent> events) {}
