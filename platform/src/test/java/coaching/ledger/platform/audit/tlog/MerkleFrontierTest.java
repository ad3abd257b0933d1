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
    void refusesALeafHashOfTheWrongLength() {
        assertThatThrownBy(() -> new MerkleFrontier().append(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
