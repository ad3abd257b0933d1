package coaching.ledger.platform.audit.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A c2sp.org/tlog-proof: an offline-verifiable proof that a leaf is in a log, made of optional extra
 * data (here: the leaf's content, so a reader can recompute its hash), its index, the inclusion proof
 * hashes from the leaf's sibling up, and the signed checkpoint note of the tree they lead to.
 */
public record TlogProof(byte[] extra, long index, List<byte[]> hashes, String checkpoint) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** An inclusion proof of a tree of at most 2^63 leaves has at most 63 hashes. */
    private static final int MAX_HASHES = 64;

    private static final String DECIMAL = "0|[1-9][0-9]{0,18}";

    public TlogProof {
        if (index < 0) {
            throw new IllegalArgumentException("a leaf index is not negative: " + index);
        }
        if (hashes == null || hashes.size() > MAX_HASHES) {
            throw new IllegalArgumentException("an inclusion proof has at most " + MAX_HASHES + " hashes");
        }
        hashes = hashes.stream().map(TlogProof::hash).toList();
        if (checkpoint == null || checkpoint.isEmpty() || checkpoint.startsWith("\n")) {
            throw new IllegalArgumentException("a proof ends with its checkpoint note");
        }
        extra = extra == null ? null : extra.clone();
    }

    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    @Override
    public List<byte[]> hashes() {
        return hashes.stream().map(byte[]::clone).toList();
    }

    public String format() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            text.append("extra ").append(Notes.base64(extra)).append('\n');
        }
        text.append("index ").append(index).append('\n');
        hashes.forEach(hash -> text.append(Notes.base64(hash)).append('\n'));
        return text.append('\n').append(checkpoint).toString();
    }

    /** @throws IllegalArgumentException saying what is not a tlog-proof */
    public static TlogProof parse(String text) {
        if (text == null || text.length() > Notes.MAX_TEXT_CHARS || !text.startsWith(HEADER + "\n")) {
            throw new IllegalArgumentException("a proof starts with the line " + HEADER);
        }
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("a proof has a blank line before its checkpoint");
        }
        List<String> lines =
                new ArrayList<>(Arrays.asList(text.substring(0, blank).split("\n", -1)));
        String checkpoint = text.substring(blank + 2);
        lines.remove(0);
        byte[] extra = null;
        if (!lines.isEmpty() && lines.get(0).startsWith("extra ")) {
            extra = decode(lines.remove(0).substring("extra ".length()), "the extra line");
        }
        if (lines.isEmpty()
                || !lines.get(0).startsWith("index ")
                || !lines.get(0).substring(6).matches(DECIMAL)) {
            throw new IllegalArgumentException("a proof has a line 'index N' (decimal without leading zeroes)");
        }
        long index;
        try {
            index = Long.parseLong(lines.remove(0).substring(6));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("the index of a proof is too large");
        }
        if (lines.size() > MAX_HASHES) {
            throw new IllegalArgumentException("an inclusion proof has at most " + MAX_HASHES + " hashes");
        }
        List<byte[]> hashes =
                lines.stream().map(line -> decode(line, "a hash line")).toList();
        return new TlogProof(extra, index, hashes, checkpoint);
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Notes.base64(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(what + " of a proof is not base64");
        }
    }

    private static byte[] hash(byte[] hash) {
        if (hash == null || hash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a proof hash is a SHA-256 hash of " + Merkle.HASH_SIZE + " bytes");
        }
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TlogProof that)
                || index != that.index
                || !Arrays.equals(extra, that.extra)
                || !checkpoint.equals(that.checkpoint)
                || hashes.size() != that.hashes.size()) {
            return false;
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!Arrays.equals(hashes.get(i), that.hashes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 31 * Arrays.hashCode(extra) + Long.hashCode(index);
        for (byte[] proofHash : hashes) {
            hash = 31 * hash + Arrays.hashCode(proofHash);
        }
        return 31 * hash + checkpoint.hashCode();
    }

    @Override
    public String toString() {
        return "TlogProof[index " + index + ", " + hashes.size() + " hashes, extra "
                + (extra == null ? "none" : extra.length + " bytes") + "]";
    }
}
