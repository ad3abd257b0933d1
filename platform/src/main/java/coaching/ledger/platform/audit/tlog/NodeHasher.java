package coaching.ledger.platform.audit.tlog;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * RFC 9162 interior-node hashing into caller-owned arrays: one {@link MessageDigest} per tree
 * operation and no garbage per hash, because tree upkeep hashes about twice per leaf. Not thread-safe.
 */
final class NodeHasher {

    private static final byte NODE_PREFIX = 0x01;

    private static final int HASH = Merkle.HASH_SIZE;

    private final MessageDigest digest = Merkle.sha256();

    /**
     * Writes {@code H(0x01 || left || right)} at {@code target[targetOffset..+32]}. The target may overlap
     * either input: both are read before the result is written.
     */
    void hash(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] target, int targetOffset) {
        digest.update(NODE_PREFIX);
        digest.update(left, leftOffset, HASH);
        digest.update(right, rightOffset, HASH);
        try {
            digest.digest(target, targetOffset, HASH);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest always fits 32 bytes", e);
        }
    }

    byte[] hash(byte[] left, byte[] right) {
        byte[] node = new byte[HASH];
        hash(left, 0, right, 0, node, 0);
        return node;
    }

    /**
     * The root of the perfect subtree whose {@code count} (a power of two) hashes start at
     * {@code hashes[offset]}; {@code scratch} must hold {@code count} hashes and is overwritten.
     */
    byte[] perfectRoot(byte[] hashes, int offset, int count, byte[] scratch) {
        System.arraycopy(hashes, offset, scratch, 0, count * HASH);
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                // pair i is read before slot i is written, and slot i < 2i never holds an unread pair
                hash(scratch, 2 * i * HASH, scratch, (2 * i + 1) * HASH, scratch, i * HASH);
            }
        }
        byte[] root = new byte[HASH];
        System.arraycopy(scratch, 0, root, 0, HASH);
        return root;
    }
}
