package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.VerificationReport.Kind;
import coaching.ledger.platform.audit.VerificationReport.Problem;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * It trusts no stored summary: every event row and every chain row is read from the first on, the
 * head row ({@code event_chain_head}) only compared with what the rows say, and a stored value that
 * cannot be read is a finding ({@code UNREADABLE}), never an exception.
 *
 * <p>It reads both tables in global order, in short keyset pages ({@code globalIndex > last ORDER BY
 * globalIndex LIMIT n}), each on a connection borrowed for that one query: a long verification never
 * pins a pooled connection. Both are read up to their last row when verification starts (one
 * statement reads both, with the head row and the database's time), so events sealed meanwhile by a
 * running sealer are not mistaken for deleted ones. Memory grows with the number of engagements (a
 * few facts each), not with the number of events. Sealed history is append-only, so pages read one
 * after another see one history.
 */
@Component
@ConditionalOnAudit
public class LedgerVerifier {

    static final int MAX_PROBLEMS = 1_000;
    private static final int PAGE_SIZE = 500;
    /**
     * Beyond the gap timeout, how much older than the database's time an unsealed event must be before it is
     * reported: covers the skew between the writers' clocks and the database's and the sealer's rounds.
     */
    static final Duration UNSEALED_MARGIN = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration gapTimeout;
    private final LogTree tree;
    private final CheckpointLog checkpoints;
    private final Optional<Checkpointer> checkpointer;

    public LedgerVerifier(
            DataSource dataSource,
            @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
            @Value("${ledger.chain.sealer.gap-timeout}") Duration gapTimeout,
            LogTree tree,
            CheckpointLog checkpoints,
            Optional<Checkpointer> checkpointer) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
        this.gapTimeout = gapTimeout;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.checkpointer = checkpointer;
    }

    /** A checkpoint kept from an earlier report, or null. */
    public record Checkpoint(long globalIndex, String hash) {}

    public VerificationReport verify(Checkpoint checkpoint) {
        return verify(checkpoint, null, null);
    }

    /**
     * Verifies, also holding the history against a signed checkpoint an auditor kept ({@code keptNote}, or
     * null), the latest published checkpoint and every stored one. {@code key} verifies them; null means the key
     * of this process's checkpointer, and where there is none (an offline verification without a key) the tree
     * is only recomputed and compared with the stored tiles.
     *
     * @throws IllegalArgumentException when a kept checkpoint is given but no key to verify it
     */
    public VerificationReport verify(Checkpoint checkpoint, String keptNote, NoteVerifier key) {
        NoteVerifier verifier =
                key != null ? key : checkpointer.map(Checkpointer::verifier).orElse(null);
        if (keptNote != null && verifier == null) {
            throw new IllegalArgumentException("a kept checkpoint needs the ledger's public key to be checked");
        }
        // read before the walk's bounds: every checkpoint read here covers only events the walk will read
        List<TreeAudit.Kept> kept = new ArrayList<>();
        if (keptNote != null) {
            kept.add(new TreeAudit.Kept("auditor", keptNote));
        }
        if (verifier != null) {
            checkpointer
                    .flatMap(Checkpointer::published)
                    .ifPresent(note -> kept.add(new TreeAudit.Kept("published", note)));
            checkpoints.all().forEach(stored -> kept.add(new TreeAudit.Kept("stored", stored.note())));
        }
        Start start = jdbc.queryForObject(
                "SELECT (SELECT MAX(globalIndex) FROM DomainEventEntry), (SELECT MAX(globalIndex) FROM event_chain),"
                        + " (SELECT lastIndex FROM event_chain_head WHERE id = 1),"
                        + " (SELECT lastHash FROM event_chain_head WHERE id = 1), CURRENT_TIMESTAMP,"
                        + " (SELECT treeSize FROM event_chain_head WHERE id = 1)",
                (row, n) -> new Start(
                        row.getLong(1),
                        row.getLong(2),
                        row.getObject(3, Long.class),
                        row.getString(4),
                        row.getObject(5, OffsetDateTime.class).toInstant(),
                        row.getLong(6)));
        Pages<StoredEvent> events = new Pages<>(
                "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry",
                (row, n) -> StoredEvent.read(row),
                StoredEvent::globalIndex,
                start.lastEvent());
        Pages<Link> links = new Pages<>(
                "SELECT globalIndex, previousGlobalIndex, eventIdentifier, aggregateIdentifier,"
                        + " sequenceNumber, eventHash, streamHash, chainHash FROM event_chain",
                (row, n) -> Link.read(row),
                Link::globalIndex,
                start.lastLink());
        Walk walk = new Walk(
                checkpoint,
                new TreeAuditSetup(verifier, kept),
                start.databaseNow().minus(gapTimeout).minus(UNSEALED_MARGIN),
                start.databaseNow().plus(UNSEALED_MARGIN));
        walk.run(events, links, start.treeSize());
        walk.checkHead(start.headIndex(), start.headHash());
        return walk.report();
    }

    /**
     * What one statement saw when verification started: the last event and chain row (0 for none; {@code getLong}
     * reads SQL NULL as 0), the head row (null when it is missing), the database's time and the stored tree's size.
     */
    private record Start(
            long lastEvent, long lastLink, Long headIndex, String headHash, Instant databaseNow, long treeSize) {}

    /** One table's rows up to a given global index in global order, fetched a page at a time. */
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
        private final Instant mustBeSealedBefore;
        private final Instant notStoredAfter;
        private long unsealed;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, StreamPosition> streams = new HashMap<>();
        private final DisclosureAudit disclosures = new DisclosureAudit(json, this::problem);
        private final TreeAudit treeAudit;
        private boolean problemsTruncated;
        private long eventsChecked;
        private long headIndex;
        private String headHash = ChainHash.GENESIS;
        private String storedChain = ChainHash.GENESIS;
        private long lastLinkIndex;
        private String hashAtCheckpoint;

        Walk(Checkpoint checkpoint, TreeAuditSetup trees, Instant mustBeSealedBefore, Instant notStoredAfter) {
            this.checkpoint = checkpoint;
            this.treeAudit = new TreeAudit(trees.key(), trees.kept(), tree::leafHash, this::problem);
            this.mustBeSealedBefore = mustBeSealedBefore;
            this.notStoredAfter = notStoredAfter;
        }

        void run(Pages<StoredEvent> eventRows, Pages<Link> linkRows, long treeSize) {
            StoredEvent event = eventRows.next();
            Link link = linkRows.next();
            while (event != null || link != null) {
                if (link == null) {
                    // after the last chain row: not sealed (yet)
                    unsealed(event);
                    event = eventRows.next();
                } else if (event != null && event.globalIndex() < link.globalIndex()) {
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
            treeAudit.finish(tree, treeSize);
        }

        private void unsealed(StoredEvent event) {
            unsealed++;
            Instant storedAt = storedAt(event);
            if (storedAt != null && storedAt.isBefore(mustBeSealedBefore)) {
                problem(new Problem(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        Kind.UNSEALED,
                        "stored at " + storedAt + " after the last sealed event and still not sealed, though the gap"
                                + " rule seals every event within " + gapTimeout + " (judged against the database's"
                                + " clock with a margin of " + UNSEALED_MARGIN + ")"));
            } else if (storedAt != null && storedAt.isAfter(notStoredAfter)) {
                // a future stamp would keep an unsealed event young for ever
                problem(new Problem(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        Kind.UNSEALED,
                        "stored after the last sealed event and stamped " + storedAt
                                + ", later than the database's clock allows: whether it should be sealed by now cannot"
                                + " be judged"));
            }
            disclosures.accept(event);
        }

        /** The event's timeStamp column, or null after reporting it UNREADABLE. */
        private Instant storedAt(StoredEvent event) {
            try {
                return Instant.parse(String.valueOf(event.timeStamp()));
            } catch (DateTimeParseException e) {
                problem(new Problem(
                        event.globalIndex(),
                        event.eventIdentifier(),
                        Kind.UNREADABLE,
                        "timeStamp " + event.timeStamp() + " is not an ISO-8601 instant, so whether the event should"
                                + " be sealed by now cannot be judged"));
                return null;
            }
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
            treeAudit.missing(link.globalIndex());
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
            treeAudit.sealed(event);
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

        /** The head row is the sealer's bookmark, never evidence: it must agree with the chain rows. */
        void checkHead(Long headIndex, String headHash) {
            String mismatch;
            if (headIndex == null) {
                mismatch = "the head row is missing";
            } else if (headIndex < lastLinkIndex) {
                mismatch = "the head row is behind the sealed rows: it says " + headIndex + ", the last chain row is "
                        + lastLinkIndex;
            } else if (headIndex > lastLinkIndex) {
                mismatch = "the head row is ahead of the sealed rows: it says " + headIndex + ", the last chain row is "
                        + lastLinkIndex;
            } else if (!storedChain.equals(headHash)) {
                mismatch = "the head row's hash is not the last chain row's hash";
            } else {
                return;
            }
            problem(new Problem(headIndex == null ? lastLinkIndex : headIndex, null, Kind.HEAD_MISMATCH, mismatch));
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
                    treeAudit.size(),
                    treeAudit.root(),
                    treeAudit.checkpointsHeld(),
                    List.copyOf(problems),
                    problemsTruncated);
        }
    }

    /** The key and the checkpoints the tree is held against. */
    private record TreeAuditSetup(NoteVerifier key, List<TreeAudit.Kept> kept) {}
}
