package coaching.ledger.platform.audit.tlog;

import java.util.Arrays;

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
