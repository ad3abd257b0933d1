package coaching.ledger.platform.audit.tlog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TiledTreeTest {

    private static final int LEAVES = 100_000;
    private static final int BATCH = 500;
    /** Tile-levels holding hashes at 100,000 leaves: tree levels 0, 8 and 16. */
    private static final int TILE_LEVELS = 3;

    private final CountingStore store = new CountingStore();
    private final TiledTree tree = new TiledTree(store);

    @Test
    void aLargeTreeProvesFromAFewTiles() {
        MerkleFrontier frontier = new MerkleFrontier();
        List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < LEAVES; i++) {
            leafHashes.add(Merkle.leafHash(("event " + i).getBytes()));
        }
        for (int size = 0; size < LEAVES; size += BATCH) {
            List<byte[]> batch = leafHashes.subList(size, size + BATCH);
            batch.forEach(frontier::append);
            store.reset();
            assertThat(tree.append(size, batch)).isEqualTo(frontier.root());
            // a batch touches at most three leaf tiles; above, at most two tiles per level (one completed, one begun)
            assertThat(store.writes)
                    .as("tiles written appending at %d", size)
                    .isLessThanOrEqualTo(BATCH / 256 + 2 + 2 * (TILE_LEVELS - 1));
            assertThat(store.reads).as("tiles read appending at %d", size).isLessThanOrEqualTo(2 * TILE_LEVELS);
        }

        byte[] root = tree.root(LEAVES);
        for (long index : new long[] {0, 1, 255, 256, 65_535, 65_536, 77_777, LEAVES - 1}) {
            store.reset();
            List<byte[]> proof = tree.inclusionProof(index, LEAVES);
            assertThat(store.reads).as("tiles read proving %d", index).isLessThanOrEqualTo(2 * TILE_LEVELS);
            assertThat(Merkle.verifyInclusion(index, LEAVES, leafHashes.get((int) index), proof, root))
                    .isTrue();
        }
        for (long size1 : new long[] {1, 255, 256, 257, 65_536, 70_001, LEAVES - 1}) {
            store.reset();
            List<byte[]> proof = tree.consistencyProof(size1, LEAVES);
            assertThat(store.reads)
                    .as("tiles read proving %d consistent", size1)
                    .isLessThanOrEqualTo(2 * TILE_LEVELS);
            assertThat(Merkle.verifyConsistency(size1, LEAVES, proof, tree.root(size1), root))
                    .isTrue();
        }
    }

    @Test
    void refusesIndexesAndSizesItDoesNotHold() {
        List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            leafHashes.add(Merkle.leafHash(new byte[] {(byte) i}));
        }
        tree.append(0, leafHashes);

        assertThatThrownBy(() -> tree.root(301)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(512)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.leafHash(300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(300, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 301)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 301)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tree.consistencyProof(0, 300)).isEmpty();
        assertThat(tree.consistencyProof(300, 300)).isEmpty();
        assertThat(tree.leafHash(299)).isEqualTo(leafHashes.get(299));
    }

    @Test
    void appendsOnlyToTheSizeThatIsStored() {
        List<byte[]> tile = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            tile.add(Merkle.leafHash(new byte[] {(byte) i}));
        }
        assertThat(tree.append(0, List.of())).isEqualTo(Merkle.emptyRoot());
        tree.append(0, tile);

        assertThatThrownBy(() -> tree.append(255, tile)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.append(257, tile)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.append(512, tile)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.append(0, tile)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.append(256, List.of(new byte[31]))).isInstanceOf(IllegalArgumentException.class);
        assertThat(tree.append(256, List.of())).isEqualTo(tree.root(256));
    }

    /** Counts the tiles read and written, to check complexity rather than time. */
    private static final class CountingStore implements TileStore {

        private final InMemoryTileStore tiles = new InMemoryTileStore();
        private int reads;
        private int writes;

        @Override
        public byte[] read(int level, long index) {
            reads++;
            return tiles.read(level, index);
        }

        @Override
        public void write(int level, long index, byte[] hashes) {
            writes++;
            tiles.write(level, index, hashes);
        }

        void reset() {
            reads = 0;
            writes = 0;
        }
    }
}
