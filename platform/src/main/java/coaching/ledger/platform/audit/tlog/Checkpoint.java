package coaching.ledger.platform.audit.tlog;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The note text of a c2sp.org/tlog-checkpoint: the log's origin, the tree size and the RFC 9162 root
 * hash, one line each. We write no extension lines; we accept and ignore them, as the specification says.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    private static final String DECIMAL = "0|[1-9][0-9]{0,18}";

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n") || !Notes.printable(origin)) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line without control characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint's tree size is not negative: " + size);
        }
        if (rootHash == null || rootHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a checkpoint's root hash has " + Merkle.HASH_SIZE + " bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text to sign. */
    public String body() {
        return origin + "\n" + size + "\n" + Notes.base64(rootHash) + "\n";
    }

    /** @throws IllegalArgumentException saying which line is wrong */
    public static Checkpoint parse(String body) {
        if (body == null || body.length() > Notes.MAX_TEXT_CHARS || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint is lines ending in a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash line");
        }
        if (!lines[1].matches(DECIMAL)) {
            throw new IllegalArgumentException(
                    "the tree size line of a checkpoint is a decimal without leading zeroes");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("the tree size of a checkpoint is too large");
        }
        byte[] root;
        try {
            root = Notes.base64(lines[2]);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the root hash line of a checkpoint is not base64");
        }
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("the extension lines of a checkpoint are not empty");
            }
        }
        return new Checkpoint(lines[0], size, root);
    }

    /** The checkpoint a signed note holds, when it verifies under {@code key}. */
    public static Checkpoint verified(String signedNote, NoteVerifier key) throws NoteException {
        return parse(key.verify(signedNote));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root "
                + HexFormat.of().formatHex(rootHash) + "]";
    }
}
