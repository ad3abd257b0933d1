package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.VerificationReport.Kind;
import coaching.ledger.platform.audit.VerificationReport.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Verifies the ledger from the event store itself, never from the views: recomputes every event's
 * hash from its stored bytes, walks the global and per-stream chains, optionally proves the history
 * up to an auditor's checkpoint is unchanged, and re-checks every disclosure against its consent.
 *
 * <p>It reads both tables in global order, in short keyset pages ({@code globalIndex > last ORDER BY
 * globalIndex LIMIT n}), each on a connection borrowed for that one query: a long verification never
 * pins a pooled connection. Memory grows with the number of engagements (a few facts each), not with
 * the number of events. Sealed history is append-only, so pages read one after another see one history.
 */
@Component
@ConditionalOnAudit
public class LedgerVerifier {

    static final int MAX_PROBLEMS = 1_000;
    private static final int PAGE_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public LedgerVerifier(DataSource dataSource, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
    }

    /** A checkpoint kept from an earlier report, or null. */
    public record Checkpoint(long globalIndex, String hash) {}

    public VerificationReport verify(Checkpoint checkpoint) {
        long sealedUpTo = jdbc.queryForObject("SELECT lastIndex FROM event_chain_head WHERE id = 1", Long.class);
        Long unsealed = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex > ?", Long.class, sealedUpTo);
        Pages<StoredEvent> events = new Pages<>(
                "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry",
                (row, n) -> StoredEvent.read(row),
                StoredEvent::globalIndex,
                sealedUpTo);
        Pages<Link> links = new Pages<>(
                "SELECT globalIndex, previousGlobalIndex, eventIdentifier, aggregateIdentifier,"
                        + " sequenceNumber, eventHash, streamHash, chainHash FROM event_chain",
                (row, n) -> Link.read(row),
                Link::globalIndex,
                sealedUpTo);
        Walk walk = new Walk(checkpoint, unsealed == null ? 0 : unsealed);
        walk.run(events, links);
        return walk.report();
    }

    /** One table's rows up to the sealed head in global order, fetched a page at a time. */
    private final class Pages<T> {

        private final String sql;
        private final RowMapper<T> mapper;
        private final ToLongFunction<T> globalIndex;
        private final long upTo;
        private Iterator<T> page = Collections.emptyIterator();
        private long after = Long.MIN_VALUE;
        private boolean exhausted;

        Pages(String select, RowMapper<T> mapper, ToLongFunction<T> globalIndex, long upTo) {
            this.sql = select + " WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex LIMIT " + PAGE_SIZE;
            this.mapper = mapper;
            this.globalIndex = globalIndex;
            this.upTo = upTo;
        }

        /** The next row, or null after the last. */
        T next() {
            if (!page.hasNext() && !exhausted) {
                List<T> rows = jdbc.query(sql, mapper, after, upTo);
                exhausted = rows.size() < PAGE_SIZE;
                if (!rows.isEmpty()) {
                    after = globalIndex.applyAsLong(rows.get(rows.size() - 1));
                }
                page = rows.iterator();
            }
            return page.hasNext() ? page.next() : null;
        }
    }

    private record Link(
            long globalIndex,
            long previousGlobalIndex,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequenceNumber,
            String eventHash,
            String streamHash,
            String chainHash) {

        static Link read(ResultSet row) throws SQLException {
            return new Link(
                    row.getLong(1),
                    row.getLong(2),
                    row.getString(3),
                    row.getString(4),
                    row.getLong(5),
                    row.getString(6),
                    row.getString(7),
                    row.getString(8));
        }
    }

    /** Where a stream stands; {@code streamHash} is null when its last event sat at another event's link. */
    private record StreamPosition(long sequenceNumber, String streamHash) {}

    /** One pass over both tables in global order, merging them by global index. */
    private final class Walk {

        private final Checkpoint checkpoint;
        private final long unsealed;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, StreamPosition> streams = new HashMap<>();
        private final DisclosureAudit disclosures = new DisclosureAudit(json, this::problem);
        private boolean problemsTruncated;
        private long eventsChecked;
        private long headIndex;
        private String headHash = ChainHash.GENESIS;
        private String storedChain = ChainHash.GENESIS;
        private long lastLinkIndex;
        private String hashAtCheckpoint;

        Walk(Checkpoint checkpoint, long unsealed) {
            this.checkpoint = checkpoint;
            this.unsealed = unsealed;
        }

        void run(Pages<StoredEvent> eventRows, Pages<Link> linkRows) {
            StoredEvent event = eventRows.next();
            Link link = linkRows.next();
            while (event != null || link != null) {
                if (link == null || (event != null && event.globalIndex() < link.globalIndex())) {
                    unchained(event);
                    event = eventRows.next();
                } else if (event == null || link.globalIndex() < event.globalIndex()) {
                    missing(link);
                    link = linkRows.next();
                } else {
                    sealed(event, link);
                    event = eventRows.next();
                    link = linkRows.next();
                }
            }
            checkCheckpoint();
        }

        private void unchained(StoredEvent event) {
            eventsChecked++;
            if (problems.size() < MAX_PROBLEMS) {
                problem(givenUpGap(event.globalIndex())
                        .map(gap -> new Problem(
                                event.globalIndex(),
                                event.eventIdentifier(),
                                Kind.LATE_COMMIT,
                                "committed after the sealer gave its position up (global index " + gap + "): not"
                                        + " in the sealed history, the export or the views; its command may have been"
                                        + " answered, so re-issue it if it is still wanted"))
                        .orElseGet(() -> new Problem(
                                event.globalIndex(),
                                event.eventIdentifier(),
                                Kind.INSERTED,
                                "stored inside the sealed history but never sealed: inserted afterwards")));
            } else {
                problemsTruncated = true;
            }
            disclosures.accept(event);
        }

        /** The given-up gap this position lies in, described with its database times, if any. */
        private Optional<String> givenUpGap(long globalIndex) {
            return jdbc
                    .query(
                            "SELECT firstIndex, lastIndex, observedAt, givenUpAt FROM event_chain_gap"
                                    + " WHERE givenUpAt IS NOT NULL AND firstIndex <= ? AND lastIndex >= ?",
                            (row, n) -> row.getLong(1) + ".." + row.getLong(2) + " empty since "
                                    + row.getObject(3, OffsetDateTime.class) + ", given up "
                                    + row.getObject(4, OffsetDateTime.class)
                                    + " by the database's clock",
                            globalIndex,
                            globalIndex)
                    .stream()
                    .findFirst();
        }

        private void missing(Link link) {
            problem(new Problem(
                    link.globalIndex(),
                    link.eventIdentifier(),
                    Kind.DELETED,
                    "sealed event " + link.aggregateIdentifier() + "#" + link.sequenceNumber()
                            + " is missing from the store"));
            follow(link);
        }

        private void sealed(StoredEvent event, Link link) {
            eventsChecked++;
            String eventHash = ChainHash.of(event);
            boolean eventIntact = true;
            if (!link.eventIdentifier().equals(event.eventIdentifier())) {
                eventIntact = false;
                problem(new Problem(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        Kind.REORDERED,
                        "the chain expects event " + link.eventIdentifier() + " at this position"));
            } else if (!eventHash.equals(link.eventHash())) {
                eventIntact = false;
                problem(new Problem(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        Kind.ALTERED,
                        "the stored bytes differ from those sealed (payload, metadata or another column changed)"));
            }
            if (link.previousGlobalIndex() != lastLinkIndex) {
                problem(new Problem(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        Kind.DELETED,
                        "sealed history between global index " + lastLinkIndex + " and " + event.globalIndex()
                                + " was removed together with its links"));
            }
            if (!ChainHash.link(storedChain, link.eventHash()).equals(link.chainHash())) {
                problem(new Problem(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        Kind.CHAIN_BROKEN,
                        "the stored chain hash does not follow from its predecessor"));
            }
            checkStream(event, link, eventIntact);
            headHash = ChainHash.link(headHash, eventHash);
            headIndex = event.globalIndex();
            follow(link);
            disclosures.accept(event);
        }

        private void checkStream(StoredEvent event, Link link, boolean eventIntact) {
            StreamPosition previous = streams.get(event.aggregateIdentifier());
            long expected = previous == null ? 0 : previous.sequenceNumber() + 1;
            if (event.sequenceNumber() != expected) {
                problem(new Problem(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        Kind.STREAM_BROKEN,
                        event.aggregateIdentifier() + " continues with #" + event.sequenceNumber() + " where #"
                                + expected + " was due"));
            } else if (eventIntact && (previous == null || previous.streamHash() != null)) {
                String previousHash = previous == null ? ChainHash.GENESIS : previous.streamHash();
                if (!ChainHash.link(previousHash, link.eventHash()).equals(link.streamHash())) {
                    problem(new Problem(
                            event.globalIndex(),
                            event.eventIdentifier(),
                            Kind.STREAM_BROKEN,
                            "the stream hash of " + event.aggregateIdentifier()
                                    + " does not follow from its predecessor"));
                }
            }
            // a link that describes another event says nothing about this event's stream: don't judge its successor by
            // it
            String streamHash = link.eventIdentifier().equals(event.eventIdentifier()) ? link.streamHash() : null;
            streams.put(event.aggregateIdentifier(), new StreamPosition(event.sequenceNumber(), streamHash));
        }

        /** Continues from the stored link, so one tampered event is reported once, not at every later one. */
        private void follow(Link link) {
            storedChain = link.chainHash();
            lastLinkIndex = link.globalIndex();
            if (checkpoint != null && link.globalIndex() <= checkpoint.globalIndex()) {
                hashAtCheckpoint = headHash;
            }
        }

        private void checkCheckpoint() {
            if (checkpoint == null) {
                return;
            }
            if (checkpoint.globalIndex() > lastLinkIndex) {
                problem(new Problem(
                        checkpoint.globalIndex(),
                        null,
                        Kind.TRUNCATED,
                        "the checkpoint is at global index " + checkpoint.globalIndex()
                                + " but the sealed history ends at " + lastLinkIndex + ": newer history was cut off"));
            } else if (!checkpoint.hash().equalsIgnoreCase(String.valueOf(hashAtCheckpoint))) {
                problem(new Problem(
                        checkpoint.globalIndex(),
                        null,
                        Kind.CHECKPOINT_MISMATCH,
                        "the history up to global index " + checkpoint.globalIndex()
                                + " is not the history the checkpoint" + " was taken from"));
            }
        }

        private void problem(Problem problem) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            } else {
                problemsTruncated = true;
            }
        }

        VerificationReport report() {
            return new VerificationReport(
                    problems.isEmpty(),
                    eventsChecked,
                    disclosures.disclosuresChecked(),
                    unsealed,
                    headIndex,
                    headHash,
                    List.copyOf(problems),
                    problemsTruncated);
        }
    }
}
