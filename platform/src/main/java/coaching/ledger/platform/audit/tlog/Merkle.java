package coaching.ledger.platform.audit.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hashing of RFC 9162 §2.1 (leaf {@code 0x00}, interior node {@code 0x01}, SHA-256)
 * and its two offline checks: inclusion (§2.1.3.2) and consistency (§2.1.4.2). Written here because
 * no maintained Java library verifies RFC 9162 consistency proofs.
 */
public final class Merkle {

    public static final int HASH_SIZE = 32;

    private Merkle() {}

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /** Whether {@code proof} proves the leaf with {@code leafHash} at {@code index} in the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !wellFormed(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Whether {@code proof} proves that the tree of {@code size2} with {@code root2} extends the tree of
     * {@code size1} with {@code root1} (same leaves first, nothing changed). Equal sizes need an empty
     * proof and equal roots; the empty tree is extended by every tree.
     */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < size1 || !isHash(root1) || !isHash(root2) || !wellFormed(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.size() <= 64 && proof.stream().allMatch(Merkle::isHash);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    /** A fresh SHA-256 digest (not thread-safe, hence one per use). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
