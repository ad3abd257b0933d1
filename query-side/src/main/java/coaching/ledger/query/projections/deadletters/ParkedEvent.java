package coaching.ledger.query.projections.deadletters;

import java.time.Instant;

/**
 * One event a view parked. {@code sequence} is its engagement (a coach, for roster events) and
 * {@code index} its place in that engagement's parked events; {@code globalIndex} its position in the
 * event store and {@code version} its engagement's sequence number. {@code causeType} and
 * {@code causeMessage} say why: the first event of a sequence failed, the later ones wait behind it
 * (no cause). The event's content is never shown.
 */
public record ParkedEvent(
        String sequence,
        long index,
        String eventType,
        String eventId,
        Long globalIndex,
        Long version,
        Instant parkedAt,
        String causeType,
        String causeMessage) {}
