package coaching.ledger.platform.audit;

import coaching.ledger.platform.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals committed events into the hash chains, strictly in global order, shortly after they are
 * stored. Appends stay parallel (nothing is serialised on the command path); the sealer is the one
 * writer of the chain, and the locked head row keeps it one writer across several processes.
 *
 * <p>A gap in the global index is either a transaction still committing or one rolled back. This is
 * the ledger's one gap rule, judged by the database's clock (processes with skewed clocks share the
 * database): the sealer records when it first finds a gap ({@code event_chain_gap}), waits until the
 * gap has been open for {@code gap-timeout}, then gives it up in one round and links over it in the
 * next. Giving up is committed before the linking round reads, and the views stop taking events in a
 * given-up range from that commit on (SealPacedEventStorageEngine): so an event that commits in time
 * is sealed, exported and applied by every view, and one that commits later is in none of them and
 * verification reports it as {@code LATE_COMMIT}. A gap that can no longer fill is given up sooner
 * ({@link GapWriters}: on PostgreSQL, once no transaction is writing events).
 *
 * <p>The round that seals an event also appends it to the Merkle tree ({@link LogTree}), as the next
 * leaf in sealing order: chain, tree and head always move together.
 */
@Component
@ConditionalOnProperty(name = "ledger.chain.sealer.enabled", havingValue = "true", matchIfMissing = true)
public class EventChainSealer implements SmartLifecycle {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PeriodicTask rounds;
    private final Duration gapTimeout;
    private final int batchSize;
    private final GapWriters writers;
    private final LogTree tree;
    private final Clock clock = Clock.systemUTC();

    public EventChainSealer(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            LogTree tree,
            @Value("${ledger.chain.sealer.interval:PT0.2S}") Duration interval,
            @Value("${ledger.chain.sealer.gap-timeout}") Duration gapTimeout,
            @Value("${ledger.chain.sealer.batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.rounds = new PeriodicTask("event-chain-sealer", interval, this::sealAvailable);
        this.gapTimeout = gapTimeout;
        this.batchSize = batchSize;
        this.writers = new GapWriters(jdbc);
        this.tree = tree;
    }

    /** Seals every event that can be sealed now; answers how many were. */
    public int sealAvailable() {
        int total = 0;
        Round round;
        do {
            round = transaction.execute(status -> sealBatch());
            total += round.sealed();
        } while (round.sealed() == batchSize || round.gaveUp());
        return total;
    }

    private Round sealBatch() {
        ChainHead head = jdbc.queryForObject(
                "SELECT lastIndex, lastHash FROM event_chain_head WHERE id = 1 FOR UPDATE",
                (row, n) -> new ChainHead(row.getLong("lastIndex"), row.getString("lastHash")));
        List<StoredEvent> events = jdbc.query(
                "SELECT " + StoredEvent.COLUMNS
                        + " FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex LIMIT " + batchSize,
                (row, n) -> StoredEvent.read(row),
                head.lastIndex());
        Map<String, String> streamHeads = sealedStreamHeads(events);
        long[] sealedEnd = jdbc.queryForObject(
                "SELECT COALESCE(MAX(globalIndex), 0), COALESCE(MAX(leafIndex) + 1, 0) FROM event_chain",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2)});
        if (sealedEnd[0] > head.lastIndex()) {
            throw new IllegalStateException("the chain holds sealed events up to global index " + sealedEnd[0]
                    + " but its head row says " + head.lastIndex() + ": the head was rewound; nothing is sealed until"
                    + " it is restored (a verification reports HEAD_MISMATCH)");
        }
        long firstLeaf = sealedEnd[1];
        List<Object[]> links = new ArrayList<>();
        List<StoredEvent> sealed = new ArrayList<>();
        long last = head.lastIndex();
        String chain = head.lastHash();
        String sealedAt = Instant.now(clock).toString();
        boolean gaveUp = false;
        for (StoredEvent event : events) {
            if (event.globalIndex() != last + 1) {
                Gap gap = gap(last + 1, event.globalIndex() - 1);
                gaveUp = gap == Gap.GIVEN_UP_NOW;
                if (gap != Gap.LINK_OVER) {
                    break;
                }
            }
            String eventHash = ChainHash.of(event);
            String previousInStream = event.sequenceNumber() == 0
                    ? ChainHash.GENESIS
                    : streamHeads.getOrDefault(event.aggregateIdentifier(), ChainHash.GENESIS);
            String streamHash = ChainHash.link(previousInStream, eventHash);
            streamHeads.put(event.aggregateIdentifier(), streamHash);
            chain = ChainHash.link(chain, eventHash);
            links.add(new Object[] {
                event.globalIndex(),
                last,
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                eventHash,
                streamHash,
                chain,
                sealedAt,
                firstLeaf + links.size()
            });
            sealed.add(event);
            last = event.globalIndex();
        }
        if (links.isEmpty()) {
            tree.catchUp(firstLeaf);
            return new Round(0, gaveUp);
        }
        jdbc.batchUpdate(
                "INSERT INTO event_chain (globalIndex, previousGlobalIndex, eventIdentifier, aggregateIdentifier,"
                        + " sequenceNumber, eventHash, streamHash, chainHash, sealedAt, leafIndex)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                links);
        tree.appendSealed(firstLeaf, sealed);
        jdbc.update("UPDATE event_chain_head SET lastIndex = ?, lastHash = ? WHERE id = 1", last, chain);
        // gaps still waited for whose first position is now sealed: they filled in time
        jdbc.update("DELETE FROM event_chain_gap WHERE givenUpAt IS NULL AND firstIndex <= ?", last);
        return new Round(links.size(), gaveUp);
    }

    /**
     * Decides about the empty positions {@code first..last} before a stored event, by the database's
     * clock. Linking over needs a give-up committed in an earlier round: a view that read the range
     * before that commit saw no event there that this round does not see (and seal) either.
     */
    private Gap gap(long first, long last) {
        List<GapRecord> records = jdbc.query(
                "SELECT firstIndex, lastIndex, observedAt, givenUpAt, CURRENT_TIMESTAMP"
                        + " FROM event_chain_gap WHERE firstIndex <= ? AND lastIndex >= ? ORDER BY firstIndex DESC",
                (row, n) -> new GapRecord(
                        row.getLong(1),
                        row.getLong(2),
                        row.getObject(3, OffsetDateTime.class),
                        row.getObject(4, OffsetDateTime.class),
                        row.getObject(5, OffsetDateTime.class)),
                first,
                first);
        if (records.isEmpty()) {
            jdbc.update(
                    "INSERT INTO event_chain_gap (firstIndex, lastIndex, observedAt, givenUpAt)"
                            + " VALUES (?, ?, CURRENT_TIMESTAMP, "
                            + (gapTimeout.isZero() ? "CURRENT_TIMESTAMP" : "NULL") + ")",
                    first,
                    last);
            return gapTimeout.isZero() ? Gap.GIVEN_UP_NOW : Gap.WAIT;
        }
        GapRecord record = records.get(0);
        boolean givenUp = record.givenUpAt() != null;
        if (givenUp && record.lastIndex() >= last) {
            return Gap.LINK_OVER;
        }
        if (!givenUp
                && Duration.between(record.observedAt(), record.databaseNow()).compareTo(gapTimeout) < 0
                && !writers.noneCanFill()) {
            return Gap.WAIT;
        }
        if (record.firstIndex() == first) {
            jdbc.update(
                    "UPDATE event_chain_gap SET lastIndex = ?, givenUpAt = CURRENT_TIMESTAMP WHERE firstIndex = ?",
                    last,
                    first);
        } else {
            jdbc.update(
                    "INSERT INTO event_chain_gap (firstIndex, lastIndex, observedAt, givenUpAt)"
                            + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                    first,
                    last,
                    record.observedAt());
        }
        return Gap.GIVEN_UP_NOW;
    }

    /**
     * The sealed stream hash each stream of the batch continues from, in one query: for a stream's
     * first event in the batch, the link of its predecessor (same stream, sequence one lower).
     */
    private Map<String, String> sealedStreamHeads(List<StoredEvent> events) {
        Map<String, Long> predecessors = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            if (event.sequenceNumber() > 0) {
                predecessors.putIfAbsent(event.aggregateIdentifier(), event.sequenceNumber() - 1);
            }
        }
        Map<String, String> heads = new HashMap<>();
        if (predecessors.isEmpty()) {
            return heads;
        }
        String pairs = String.join(", ", Collections.nCopies(predecessors.size(), "(?, ?)"));
        List<Object> parameters = new ArrayList<>();
        predecessors.forEach((stream, sequence) -> {
            parameters.add(stream);
            parameters.add(sequence);
        });
        jdbc.query(
                "SELECT aggregateIdentifier, streamHash FROM event_chain WHERE (aggregateIdentifier, sequenceNumber) IN ("
                        + pairs + ")",
                (RowCallbackHandler) row -> heads.put(row.getString(1), row.getString(2)),
                parameters.toArray());
        return heads;
    }

    @Override
    public void start() {
        rounds.start();
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }

    record ChainHead(long lastIndex, String lastHash) {}

    /** What one round did: events sealed, and whether it gave up a gap (the next round links over it). */
    private record Round(int sealed, boolean gaveUp) {}

    private enum Gap {
        WAIT,
        GIVEN_UP_NOW,
        LINK_OVER
    }

    private record GapRecord(
            long firstIndex,
            long lastIndex,
            OffsetDateTime observedAt,
            OffsetDateTime givenUpAt,
            OffsetDateTime databaseNow) {}
}
