package coaching.ledger.platform.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9162 §2.1 written as literally as the text: MTH, PATH, PROOF and SUBPROOF by recursion over
 * {@code D[start:end]}, with its own SHA-256 so it shares no code with what it checks. Subtree hashes
 * are memoised, or checking every proof of every size would take minutes.
 */
final class ReferenceTree {

    private final List<byte[]> leafHashes = new ArrayList<>();
    private final Map<Long, byte[]> subtreeHashes = new HashMap<>();

    /** A tree of {@code size} leaves, leaf i being the UTF-8 bytes of "leaf i". */
    static ReferenceTree withLeaves(int size) {
        ReferenceTree tree = new ReferenceTree();
        for (int i = 0; i < size; i++) {
            tree.leafHashes.add(sha256(new byte[] {0x00}, ("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return tree;
    }

    byte[] leafHash(int index) {
        return leafHashes.get(index);
    }

    List<byte[]> leafHashes(int from, int to) {
        return leafHashes.subList(from, to);
    }

    /** MTH(D[0:size]). */
    byte[] root(int size) {
        return size == 0 ? sha256() : mth(0, size);
    }

    /** PATH(m, D[0:size]). */
    List<byte[]> path(int m, int size) {
        return path(m, 0, size);
    }

    /** PROOF(m, D[0:size]). */
    List<byte[]> proof(int m, int size) {
        return 0 < m && m < size ? subproof(m, 0, size, true) : new ArrayList<>();
    }

    private byte[] mth(int start, int end) {
        long key = (long) start << 32 | end;
        byte[] known = subtreeHashes.get(key);
        if (known != null) {
            return known;
        }
        int n = end - start;
        byte[] hash;
        if (n == 1) {
            hash = leafHashes.get(start);
        } else {
            int k = largestPowerOfTwoBelow(n);
            hash = sha256(new byte[] {0x01}, mth(start, start + k), mth(start + k, end));
        }
        subtreeHashes.put(key, hash);
        return hash;
    }

    private List<byte[]> path(int m, int start, int end) {
        int n = end - start;
        if (n == 1) {
            return new ArrayList<>();
        }
        int k = largestPowerOfTwoBelow(n);
        List<byte[]> path;
        if (m < k) {
            path = path(m, start, start + k);
            path.add(mth(start + k, end));
        } else {
            path = path(m - k, start + k, end);
            path.add(mth(start, start + k));
        }
        return path;
    }

    private List<byte[]> subproof(int m, int start, int end, boolean b) {
        int n = end - start;
        if (m == n) {
            List<byte[]> proof = new ArrayList<>();
            if (!b) {
                proof.add(mth(start, end));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        List<byte[]> proof;
        if (m <= k) {
            proof = subproof(m, start, start + k, b);
            proof.add(mth(start + k, end));
        } else {
            proof = subproof(m - k, start + k, end, false);
            proof.add(mth(start, start + k));
        }
        return proof;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
