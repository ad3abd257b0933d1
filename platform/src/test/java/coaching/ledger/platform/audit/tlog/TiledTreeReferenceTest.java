package coaching.ledger.platform.audit.tlog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiled tree against the literal RFC 9162 recursion for every tree size up to 1024. The tree grows
 * in uneven batches and each size is checked while it is the newest stored one, so partial tiles,
 * tiles rewritten as they grow and tile boundaries are all read. An inclusion proof folds about 250
 * hashes per tile-level (the siblings inside a tile are not stored), so above 300 leaves the leaves
 * proved are a dense sample rather than all of them.
 */
class TiledTreeReferenceTest {

    private static final int MAX_SIZE = 1024;
    /** Up to this size every leaf's inclusion and every consistency pair is checked; above it, dense samples. */
    private static final int EXHAUSTIVE_UP_TO = 300;

    private static final int[] BATCHES = {1, 7, 255, 256, 300, 1, 2, 13, 64, 129, 511};

    private final ReferenceTree reference = ReferenceTree.withLeaves(MAX_SIZE);
    private final TiledTree tree = new TiledTree(new InMemoryTileStore());

    @Test
    void rootsAndProofsOfEverySizeEqualTheRfcDefinitions() {
        assertThat(tree.root(0)).isEqualTo(reference.root(0)).isEqualTo(Merkle.emptyRoot());
        int size = 0;
        for (int batch = 0; size < MAX_SIZE; batch++) {
            int newSize = Math.min(MAX_SIZE, size + BATCHES[batch % BATCHES.length]);
            byte[] root = tree.append(size, reference.leafHashes(size, newSize));
            assertThat(root).isEqualTo(reference.root(newSize));
            for (int grown = size + 1; grown <= newSize; grown++) {
                checkRoot(grown);
                checkInclusion(grown);
                checkConsistency(grown);
            }
            size = newSize;
        }
    }

    private void checkRoot(int size) {
        assertThat(tree.root(size)).as("root of %d", size).isEqualTo(reference.root(size));
    }

    private void checkInclusion(int size) {
        byte[] root = reference.root(size);
        for (int index : provedLeaves(size)) {
            List<byte[]> proof = tree.inclusionProof(index, size);
            assertThat(proof)
                    .as("inclusion of %d in %d", index, size)
                    .containsExactlyElementsOf(reference.path(index, size));
            assertThat(Merkle.verifyInclusion(index, size, reference.leafHash(index), proof, root))
                    .isTrue();
        }
    }

    private void checkConsistency(int size2) {
        byte[] root2 = reference.root(size2);
        for (int size1 : firstSizes(size2)) {
            List<byte[]> proof = tree.consistencyProof(size1, size2);
            assertThat(proof)
                    .as("consistency of %d with %d", size1, size2)
                    .containsExactlyElementsOf(reference.proof(size1, size2));
            assertThat(Merkle.verifyConsistency(size1, size2, proof, reference.root(size1), root2))
                    .isTrue();
        }
    }

    /**
     * Every leaf while that is cheap, and every leaf of the sizes around a tile boundary; otherwise the first
     * and last leaves of every tile, the last 40 leaves (the newest tiles) and a stride.
     */
    private static int[] provedLeaves(int size) {
        if (size <= EXHAUSTIVE_UP_TO || Math.abs(size - Math.round(size / 256.0) * 256) <= 1) {
            return IntStream.range(0, size).toArray();
        }
        IntStream tileEdges = IntStream.iterate(0, k -> k < size, k -> k + 256)
                .flatMap(k -> IntStream.of(k, k + 1, k + 254, k + 255));
        IntStream stride = IntStream.iterate(2, k -> k < size, k -> k + 19);
        IntStream last = IntStream.range(size - 40, size);
        return IntStream.concat(IntStream.concat(tileEdges, stride), last)
                .filter(k -> k < size)
                .distinct()
                .toArray();
    }

    /** Every size up to {@code size2} while that is cheap; then powers of two and their neighbours, a stride and the last few. */
    private static int[] firstSizes(int size2) {
        if (size2 <= EXHAUSTIVE_UP_TO) {
            return IntStream.rangeClosed(0, size2).toArray();
        }
        IntStream powersAndNeighbours =
                IntStream.iterate(1, k -> k <= size2, k -> k * 2).flatMap(k -> IntStream.of(k - 1, k, k + 1));
        IntStream stride = IntStream.iterate(0, k -> k <= size2, k -> k + 17);
        IntStream last = IntStream.rangeClosed(size2 - 8, size2);
        return IntStream.concat(IntStream.concat(powersAndNeighbours, stride), last)
                .filter(k -> k <= size2)
                .distinct()
                .toArray();
    }
}
