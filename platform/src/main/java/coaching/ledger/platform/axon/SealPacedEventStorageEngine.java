package coaching.ledger.platform.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC event store whose tracking streams (the views) follow the chain sealer's gap rule
 * instead of Axon's own. Axon forgets a gap when the event after it is older than its gap timeout,
 * comparing the writer's timestamp with the reader's clock; the sealer gives a gap up after it has
 * been open for its gap timeout by the database's clock (EventChainSealer). Two rules disagreed: a
 * commit between the two was applied by the views and reported as tampering, or sealed and exported
 * but skipped by a view that had read past it late. Here a stream
 * <ul>
 *   <li>keeps every gap above the sealed head (the sealer has not decided about it yet), and drops a
 *       gap once the sealer has passed it: by then an event there is either sealed (and read in this
 *       same query, which sees the head and the events in one statement) or given up;</li>
 *   <li>never takes an event the sealer gave up: below the head only sealed events, above it none in a
 *       range the sealer has given up (from that commit on; the sealer links over the range only in a
 *       later round, and seals what it then finds there).</li>
 * </ul>
 * Positions, not timestamps, decide; the views never wait for a gap, they only remember it. A gap
 * more than {@code max-gap-offset} positions behind is still dropped: a bound for a sealer that stopped.
 */
final class SealPacedEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's default lowest global index (its builder's lowestGlobalSequence). */
    private static final long LOWEST_GLOBAL_INDEX = 1;

    private static final String SEALED_UP_TO = "sealedUpTo";

    private final int maxGapOffset;

    SealPacedEventStorageEngine(Builder builder, int maxGapOffset) {
        super(builder.maxGapOffset(maxGapOffset)
                // Axon's timestamp-based cleaning would drop gaps the sealer may still fill
                .gapCleaningThreshold(Integer.MAX_VALUE)
                .readEventDataWithoutGaps((connection, schema, index, batchSize) ->
                        tracked(connection, schema, index, batchSize, List.of()))
                .readEventDataWithGaps(SealPacedEventStorageEngine::tracked)
                .fetchTrackedEvents(SealPacedEventStorageEngine::firstTrackedAfter));
        this.maxGapOffset = maxGapOffset;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous)
            throws SQLException {
        TrackedEventData<?> axons = super.getTrackedEventData(row, previous);
        long index = row.getLong(schema().globalIndexColumn());
        GapAwareTrackingToken token = previous == null
                ? GapAwareTrackingToken.newInstance(
                        index,
                        LongStream.range(Math.max(LOWEST_GLOBAL_INDEX, index - maxGapOffset), index)
                                .boxed()
                                .collect(Collectors.toCollection(TreeSet::new)))
                : previous.advanceTo(index, maxGapOffset);
        // rows come in ascending order, so a gap below this row and at or below the head was not returned: given up
        token = token.withGapsTruncatedAt(Math.min(row.getLong(SEALED_UP_TO) + 1, index));
        return new TrackedDomainEventData<>(token, (DomainEventData<?>) axons);
    }

    /** Axon's tracking query (a range after the token's index, plus its gaps) with the sealer's rule applied. */
    private static PreparedStatement tracked(
            Connection connection, EventSchema schema, long index, int batchSize, List<Long> gaps) throws SQLException {
        String global = "e." + schema.globalIndexColumn();
        String gapList = gaps.isEmpty()
                ? ""
                : " OR " + global + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")";
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + ", h.lastIndex AS " + SEALED_UP_TO + " FROM " + schema.domainEventTable() + " e"
                + " JOIN event_chain_head h ON h.id = 1"
                + " WHERE ((" + global + " > ? AND " + global + " <= ?)" + gapList + ") AND " + takenBySealRule(global)
                + " ORDER BY " + global + " ASC");
        statement.setLong(1, index);
        statement.setLong(2, index + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }

    /** Axon's look past an empty range (its extended gap check), with the same rule. */
    private static PreparedStatement firstTrackedAfter(Connection connection, EventSchema schema, long index)
            throws SQLException {
        String global = "e." + schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT MIN(" + global + ") FROM "
                + schema.domainEventTable() + " e JOIN event_chain_head h ON h.id = 1 WHERE " + global + " > ? AND "
                + takenBySealRule(global));
        statement.setLong(1, index);
        return statement;
    }

    /** Sealed, or above the sealed head and not in a range the sealer has given up. */
    private static String takenBySealRule(String global) {
        return "(EXISTS (SELECT 1 FROM event_chain c WHERE c.globalIndex = " + global + ")"
                + " OR (" + global + " > h.lastIndex AND NOT EXISTS (SELECT 1 FROM event_chain_gap g"
                + " WHERE g.givenUpAt IS NOT NULL AND g.firstIndex <= " + global + " AND g.lastIndex >= " + global
                + ")))";
    }
}
