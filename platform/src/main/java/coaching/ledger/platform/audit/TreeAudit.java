package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.VerificationReport.CheckpointHeld;
import coaching.ledger.platform.audit.VerificationReport.Kind;
import coaching.ledger.platform.audit.VerificationReport.Problem;
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.Merkle;
import coaching.ledger.platform.audit.tlog.MerkleFrontier;
import coaching.ledger.platform.audit.tlog.NoteException;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import org.springframework.dao.DataAccessException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Recomputes the Merkle tree from the sealed events as the verifier walks them (a frontier of O(log n)
 * hashes, never the stored tiles) and holds every kept checkpoint against it: the auditor's, the latest
 * published one, and those stored in the database. A checkpoint is {@code BAD_SIGNATURE} when the
 * ledger's key does not verify it, {@code TRUNCATED} when the history is now shorter than it, and
 * {@code FORKED} when the history up to its size has another root.
 */
final class TreeAudit {

    /** A checkpoint to hold the history against, and where it came from (auditor, published, stored). */
    record Kept(String source, String note) {}

    private record Parsed(Kept kept, Checkpoint checkpoint) {}

    private final Function<StoredEvent, byte[]> leafHash;
    private final Consumer<Problem> problems;
    private final List<Parsed> pending = new ArrayList<>();
    private final List<CheckpointHeld> outcomes = new ArrayList<>();
    private final MerkleFrontier frontier = new MerkleFrontier();
    private long lastGlobalIndex;

    /** {@code key} may be null when no kept checkpoint is given: the tree is then recomputed and compared only. */
    TreeAudit(NoteVerifier key, List<Kept> kept, Function<StoredEvent, byte[]> leafHash, Consumer<Problem> problems) {
        this.leafHash = leafHash;
        this.problems = problems;
        for (Kept checkpoint : kept) {
            try {
                pending.add(new Parsed(checkpoint, Checkpoint.verified(checkpoint.note(), key)));
            } catch (NoteException | IllegalArgumentException e) {
                problems.accept(new Problem(
                        0,
                        null,
                        Kind.BAD_SIGNATURE,
                        "the " + checkpoint.source() + " checkpoint is not signed by this ledger's key: "
                                + e.getMessage()));
            }
        }
        pending.sort(Comparator.comparingLong(parsed -> parsed.checkpoint().size()));
        checkReached(null);
    }

    /** The next leaf in sealing order: a sealed event as stored now. */
    void sealed(StoredEvent event) {
        frontier.append(leafHash.apply(event));
        lastGlobalIndex = event.globalIndex();
        checkReached(event);
    }

    /**
     * A sealed position whose event is gone: it keeps its place in the tree with a hash no event has, so
     * every checkpoint signed after it reports the fork.
     */
    void missing(long globalIndex) {
        frontier.append(Merkle.emptyRoot());
        lastGlobalIndex = globalIndex;
        checkReached(null);
    }

    private void checkReached(StoredEvent last) {
        while (!pending.isEmpty() && pending.get(0).checkpoint().size() == frontier.size()) {
            Parsed parsed = pending.remove(0);
            boolean same = Arrays.equals(frontier.root(), parsed.checkpoint().rootHash());
            outcomes.add(new CheckpointHeld(
                    parsed.kept().source(),
                    parsed.checkpoint().size(),
                    base64(parsed.checkpoint().rootHash()),
                    same));
            if (!same) {
                problems.accept(new Problem(
                        last == null ? lastGlobalIndex : last.globalIndex(),
                        last == null ? null : last.eventIdentifier(),
                        Kind.FORKED,
                        "the history's first " + parsed.checkpoint().size() + " entries are not those the "
                                + parsed.kept().source() + " checkpoint signed: it was rewritten"));
            }
        }
    }

    /**
     * Ends the walk: checkpoints beyond the history are truncations, and the stored tree must have had the walked
     * size when the walk began ({@code storedSize}) and give the recomputed root at it (the sealer may have grown the
     * tiles since).
     */
    void finish(LogTree stored, long storedSize) {
        for (Parsed parsed : pending) {
            outcomes.add(new CheckpointHeld(
                    parsed.kept().source(),
                    parsed.checkpoint().size(),
                    base64(parsed.checkpoint().rootHash()),
                    false));
            problems.accept(new Problem(
                    lastGlobalIndex,
                    null,
                    Kind.TRUNCATED,
                    "the " + parsed.kept().source() + " checkpoint has "
                            + parsed.checkpoint().size() + " entries but the sealed history only " + frontier.size()
                            + ": it was cut off"));
        }
        pending.clear();
        if (storedSize != frontier.size() || !Arrays.equals(storedRoot(stored), frontier.root())) {
            problems.accept(new Problem(
                    lastGlobalIndex,
                    null,
                    Kind.TREE_MISMATCH,
                    "the stored tree (" + storedSize + " entries) is not the tree of the " + frontier.size()
                            + " sealed events: proofs served from it would not verify"));
        }
    }

    /** The stored tiles' root at the walked size; null when tiles are missing or unreadable. */
    private byte[] storedRoot(LogTree stored) {
        try {
            return stored.root(frontier.size());
        } catch (DataAccessException unreachable) {
            throw unreachable;
        } catch (RuntimeException brokenTiles) {
            return null;
        }
    }

    long size() {
        return frontier.size();
    }

    String root() {
        return base64(frontier.root());
    }

    List<CheckpointHeld> checkpointsHeld() {
        return List.copyOf(outcomes);
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
