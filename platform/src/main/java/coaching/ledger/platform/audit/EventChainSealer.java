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
 * <p>A gap in the global index is either a transaction still committing or one rolled back. The
 * sealer waits at a gap until the event after it is older than {@code gap-timeout}, then links over
 * it; an event that commits into a gap later than that is never sealed and verification reports it.
 */
@Component
@ConditionalOnProperty(name = "ledger.chain.sealer.enabled", havingValue = "true", matchIfMissing = true)
public class EventChainSealer implements SmartLifecycle {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PeriodicTask rounds;
    private final Duration gapTimeout;
    private final int batchSize;
    private final Clock clock = Clock.systemUTC();

    public EventChainSealer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                            @Value("${ledger.chain.sealer.interval:PT0.2S}") Duration interval,
                            @Value("${ledger.chain.sealer.gap-timeout:PT10S}") Duration gapTimeout,
                            @Value("${ledger.chain.sealer.batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.rounds = new PeriodicTask("event-chain-sealer", interval, this::sealAvailable);
        this.gapTimeout = gapTimeout;
        this.batchSize = batchSize;
    }

    /** Seals every event that can be sealed now; answers how many were. */
    public int sealAvailable() {
        int total = 0;
        int sealed;
        do {
            sealed = transaction.execute(status -> sealBatch());
            total += sealed;
        } while (sealed == batchSize);
        return total;
    }

    private int sealBatch() {
        ChainHead head = jdbc.queryForObject("SELECT lastIndex, lastHash FROM event_chain_head WHERE id = 1 FOR UPDATE",
                (row, n) -> new ChainHead(row.getLong("lastIndex"), row.getString("lastHash")));
        List<StoredEvent> events = jdbc.query("SELECT " + StoredEvent.COLUMNS
                        + " FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex LIMIT " + batchSize,
                (row, n) -> StoredEvent.read(row), head.lastIndex());
        Map<String, String> streamHeads = sealedStreamHeads(events);
        List<Object[]> links = new ArrayList<>();
        long last = head.lastIndex();
        String chain = head.lastHash();
        String sealedAt = Instant.now(clock).toString();
        for (StoredEvent event : events) {
            if (event.globalIndex() != last + 1 && mayStillFill(event)) {
                break;
            }
            String eventHash = ChainHash.of(event);
            String previousInStream = event.sequenceNumber() == 0 ? ChainHash.GENESIS
                    : streamHeads.getOrDefault(event.aggregateIdentifier(), ChainHash.GENESIS);
            String streamHash = ChainHash.link(previousInStream, eventHash);
            streamHeads.put(event.aggregateIdentifier(), streamHash);
            chain = ChainHash.link(chain, eventHash);
            links.add(new Object[]{event.globalIndex(), last, event.eventIdentifier(), event.aggregateIdentifier(),
                    event.sequenceNumber(), eventHash, streamHash, chain, sealedAt});
            last = event.globalIndex();
        }
        if (links.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("INSERT INTO event_chain (globalIndex, previousGlobalIndex, eventIdentifier, aggregateIdentifier,"
                + " sequenceNumber, eventHash, streamHash, chainHash, sealedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", links);
        jdbc.update("UPDATE event_chain_head SET lastIndex = ?, lastHash = ? WHERE id = 1", last, chain);
        return links.size();
    }

    /** The gap before this event may belong to a transaction that has not committed yet. */
    private boolean mayStillFill(StoredEvent eventAfterGap) {
        return Instant.parse(eventAfterGap.timeStamp()).plus(gapTimeout).isAfter(Instant.now(clock));
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
        jdbc.query("SELECT aggregateIdentifier, streamHash FROM event_chain WHERE (aggregateIdentifier, sequenceNumber) IN ("
                        + pairs + ")",
                (RowCallbackHandler) row -> heads.put(row.getString(1), row.getString(2)), parameters.toArray());
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

    record ChainHead(long lastIndex, String lastHash) {
    }
}
