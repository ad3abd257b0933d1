package coaching.ledger.platform.audit.tlog;

import java.util.Arrays;
import java.util.List;

/**
 * The compact range (right frontier) of a Merkle tree: the roots of its perfect subtrees, O(log n)
 * hashes. Appends one leaf at a time and answers the RFC 9162 root at any size, so a verifier can
 * recompute the root of the whole history while streaming it. Not thread-safe.
 */
public final class MerkleFrontier {

    private static final int HASH = Merkle.HASH_SIZE;

    private final NodeHasher hasher = new NodeHasher();
    /** The perfect subtrees' roots, largest (leftmost) first, one per set bit of {@code size}. */
    private final byte[] subtrees = new byte[Long.SIZE * HASH];

    private int depth;
    private long size;

    public MerkleFrontier() {}

    /** The frontier of a tree of {@code size} whose perfect subtrees have these roots, largest first. */
    static MerkleFrontier of(long size, List<byte[]> subtreeRoots) {
        if (subtreeRoots.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException(
                    "a tree of " + size + " has " + Long.bitCount(size) + " perfect subtrees");
        }
        MerkleFrontier frontier = new MerkleFrontier();
        for (byte[] root : subtreeRoots) {
            System.arraycopy(root, 0, frontier.subtrees, frontier.depth * HASH, HASH);
            frontier.depth++;
        }
        frontier.size = size;
        return frontier;
    }

    /** An independent copy, to extend without changing this one. */
    public MerkleFrontier copy() {
        MerkleFrontier copy = new MerkleFrontier();
        System.arraycopy(subtrees, 0, copy.subtrees, 0, depth * HASH);
        copy.depth = depth;
        copy.size = size;
        return copy;
    }

    public void append(byte[] leafHash) {
        if (leafHash.length != HASH) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
        }
        System.arraycopy(leafHash, 0, subtrees, depth * HASH, HASH);
        depth++;
        // each trailing one bit of the old size is a subtree as large as the one being carried: merge them
        for (long carries = size; (carries & 1) == 1; carries >>>= 1) {
            depth--;
            hasher.hash(subtrees, (depth - 1) * HASH, subtrees, depth * HASH, subtrees, (depth - 1) * HASH);
        }
        size++;
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (depth == 0) {
            return Merkle.emptyRoot();
        }
        byte[] root = Arrays.copyOfRange(subtrees, (depth - 1) * HASH, depth * HASH);
        for (int i = depth - 2; i >= 0; i--) {
            hasher.hash(subtrees, i * HASH, root, 0, root, 0);
        }
        return root;
    }
}
