package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.tlog.Merkle;
import coaching.ledger.platform.audit.tlog.MerkleFrontier;
import coaching.ledger.platform.audit.tlog.TiledTree;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree (RFC 9162) over the sealed history: leaf {@code i} is the {@code i}-th sealed event,
 * hashed over its {@link LeafRecord} (ids, hashes of the stored payload and metadata, disclosure facts;
 * never content), so an erased field, encrypted elsewhere, never invalidates a proof. The sealer extends
 * it in the transaction that seals, under the chain head's lock; proofs read O(log n) tiles.
 */
@Component
@ConditionalOnAudit
public class LogTree {

    private static final int CATCH_UP_PAGE = 500;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TiledTree tree;
    private volatile Appended lastAppended;

    public LogTree(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.tree = new TiledTree(new JdbcTileStore(jdbc));
    }

    /** The size and root the tiles hold, as the chain head row records them. */
    public record Head(long size, byte[] root) {

        public String rootHex() {
            return HexFormat.of().formatHex(root);
        }
    }

    public Head head() {
        return jdbc.queryForObject(
                "SELECT treeSize, treeRoot FROM event_chain_head WHERE id = 1",
                (row, n) -> head(row.getLong(1), row.getString(2)));
    }

    public byte[] leafHash(StoredEvent event) {
        return Merkle.leafHash(LeafRecord.of(event, json));
    }

    /**
     * Appends the events just sealed (their links already inserted with leaf positions from {@code
     * firstLeaf} on), after any sealed events the tiles do not hold yet (sealed before the tree existed).
     * Runs in the sealer's transaction with the head row locked.
     */
    void appendSealed(long firstLeaf, List<StoredEvent> sealed) {
        long size = catchUp(firstLeaf);
        if (size != firstLeaf) {
            throw new IllegalStateException("the tree holds " + size + " leaves but the chain only " + firstLeaf
                    + ": sealed rows were removed; nothing is sealed until they are restored (a verification reports"
                    + " TREE_MISMATCH)");
        }
        List<byte[]> leaves = new ArrayList<>(sealed.size());
        for (StoredEvent event : sealed) {
            leaves.add(leafHash(event));
        }
        MerkleFrontier frontier = frontierOf(size);
        tree.appendLeaves(size, leaves);
        leaves.forEach(frontier::append);
        byte[] root = frontier.root();
        store(frontier.size(), root);
        lastAppended = new Appended(frontier, root);
    }

    /**
     * The frontier of the stored tree of {@code size}: the one this process left after its last append when the
     * head row still records that tree (its size and root: a rolled-back round or another process's append
     * changes either), else read from the tiles. Hashing the root of a partial tile costs up to 255 hashes per
     * level, so each round would otherwise pay for it again.
     */
    private MerkleFrontier frontierOf(long size) {
        Appended last = lastAppended;
        if (last != null && last.frontier().size() == size && Arrays.equals(last.root(), head().root())) {
            return last.frontier().copy();
        }
        return tree.frontier(size);
    }

    /** What this process's last append left: read only by the sealer's one thread, under the head row's lock. */
    private record Appended(MerkleFrontier frontier, byte[] root) {}

    /** Builds the tiles of sealed events up to leaf {@code upTo} (exclusive); answers the tree's size then. */
    long catchUp(long upTo) {
        long size = head().size();
        while (size < upTo) {
            List<StoredEvent> page = jdbc.query(
                    "SELECT " + StoredEvent.COLUMNS.replaceAll("(\\w+)", "e.$1")
                            + " FROM event_chain c JOIN DomainEventEntry e ON e.globalIndex = c.globalIndex"
                            + " WHERE c.leafIndex >= ? AND c.leafIndex < ? ORDER BY c.leafIndex",
                    (row, n) -> StoredEvent.read(row),
                    size,
                    Math.min(upTo, size + CATCH_UP_PAGE));
            if (page.isEmpty()) {
                throw new IllegalStateException("sealed events from leaf " + size + " on are missing from the store");
            }
            List<byte[]> leaves = page.stream().map(this::leafHash).toList();
            byte[] root = tree.append(size, leaves);
            size += leaves.size();
            store(size, root);
        }
        return size;
    }

    private void store(long size, byte[] root) {
        jdbc.update(
                "UPDATE event_chain_head SET treeSize = ?, treeRoot = ? WHERE id = 1",
                size,
                HexFormat.of().formatHex(root));
    }

    public byte[] root(long size) {
        return tree.root(size);
    }

    public List<byte[]> inclusionProof(long leafIndex, long size) {
        return tree.inclusionProof(leafIndex, size);
    }

    public List<byte[]> consistencyProof(long size1, long size2) {
        return tree.consistencyProof(size1, size2);
    }

    private static Head head(long size, String rootHex) {
        return new Head(
                size, rootHex == null ? Merkle.emptyRoot() : HexFormat.of().parseHex(rootHex.trim()));
    }
}
