package coaching.ledger.platform.audit.tlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleFrontierTest {

    @Test
    void rootEqualsTheTiledTreesAtEverySizeUpTo1024() {
        ReferenceTree reference = ReferenceTree.withLeaves(1024);
        TiledTree tree = new TiledTree(new InMemoryTileStore());
        tree.append(0, reference.leafHashes(0, 1024));
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(frontier.root()).isEqualTo(tree.root(0));
        for (int size = 1; size <= 1024; size++) {
            frontier.append(reference.leafHash(size - 1));
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.root()).as("root of %d", size).isEqualTo(tree.root(size));
        }
    }

    @Test
    void theTreesFrontierAtAnySizeContinuesLikeTheTree() {
        ReferenceTree reference = ReferenceTree.withLeaves(1024);
        TiledTree tree = new TiledTree(new InMemoryTileStore());
        tree.append(0, reference.leafHashes(0, 1024));
        for (int size = 0; size <= 1020; size += size < 300 ? 1 : 7) {
            MerkleFrontier frontier = tree.frontier(size);
            assertThat(frontier.root()).as("root of %d", size).isEqualTo(tree.root(size));
            MerkleFrontier grown = frontier.copy();
            for (int more = 1; more <= 4; more++) {
                grown.append(reference.leafHash(size + more - 1));
                assertThat(grown.root()).as("root of %d", size + more).isEqualTo(tree.root(size + more));
            }
            assertThat(frontier.size()).as("the copy grew, not the original").isEqualTo(size);
        }
    }

    @Test
    void appendingLeavesWithoutTheRootStoresTheSameTiles() {
        ReferenceTree reference = ReferenceTree.withLeaves(700);
        TiledTree withRoots = new TiledTree(new InMemoryTileStore());
        TiledTree withoutRoots = new TiledTree(new InMemoryTileStore());
        for (int size = 0; size < 700; size += 70) {
            withRoots.append(size, reference.leafHashes(size, size + 70));
            withoutRoots.appendLeaves(size, reference.leafHashes(size, size + 70));
        }
        assertThat(withoutRoots.root(700)).isEqualTo(withRoots.root(700)).isEqualTo(reference.root(700));
    }

    @Test
    void refusesALeafHashOfTheWrongLength() {
        assertThatThrownBy(() -> new MerkleFrontier().append(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
