package coaching.ledger.platform.audit.tlog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published vectors of transparency-dev/merkle (src/test/resources/tlog/README.md), as data. */
class TransparencyDevVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> leaves = new ArrayList<>();
    private static final List<byte[]> roots = new ArrayList<>();
    private static final List<String[]> nodes = new ArrayList<>();
    private static final List<String[]> inclusions = new ArrayList<>();
    private static final List<String[]> consistencies = new ArrayList<>();

    private final TiledTree tree = new TiledTree(new InMemoryTileStore());

    @BeforeAll
    static void readVectors() throws IOException {
        try (InputStream in =
                TransparencyDevVectorsTest.class.getResourceAsStream("/tlog/transparency-dev-vectors.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.trim().split(" ");
                switch (fields[0]) {
                    case "leaf" -> leaves.add(fields[2].equals("-") ? new byte[0] : HEX.parseHex(fields[2]));
                    case "root" -> roots.add(HEX.parseHex(fields[2]));
                    case "node" -> nodes.add(fields);
                    case "inclusion" -> inclusions.add(fields);
                    case "consistency" -> consistencies.add(fields);
                    default ->
                        assertThat(fields[0])
                                .as("only comments besides vectors")
                                .startsWith("#");
                }
            }
        }
        assertThat(leaves).hasSize(8);
        assertThat(roots).hasSize(9);
        assertThat(nodes).hasSize(15);
        assertThat(inclusions).hasSize(5);
        assertThat(consistencies).hasSize(5);
    }

    @Test
    void rootsOfEveryPrefixMatch() {
        assertThat(tree.root(0)).isEqualTo(roots.get(0));
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = tree.append(size - 1, List.of(Merkle.leafHash(leaves.get(size - 1))));
            assertThat(root).as("root of %d", size).isEqualTo(roots.get(size)).isEqualTo(tree.root(size));
        }
    }

    @Test
    void leafAndNodeHashesMatch() {
        appendAll();
        for (String[] node : nodes) {
            int level = Integer.parseInt(node[1]);
            int index = Integer.parseInt(node[2]);
            // the perfect subtree at (level, index) is the root of its leaves alone
            TiledTree subtree = new TiledTree(new InMemoryTileStore());
            List<byte[]> leafHashes = leaves.subList(index << level, (index + 1) << level).stream()
                    .map(Merkle::leafHash)
                    .toList();
            assertThat(subtree.append(0, leafHashes))
                    .as("node %d/%d", level, index)
                    .isEqualTo(HEX.parseHex(node[3]));
            if (level == 0) {
                assertThat(tree.leafHash(index)).isEqualTo(HEX.parseHex(node[3]));
            }
        }
    }

    @Test
    void inclusionProofsMatchAndVerify() {
        appendAll();
        for (String[] vector : inclusions) {
            int index = Integer.parseInt(vector[1]);
            int size = Integer.parseInt(vector[2]);
            List<byte[]> expected = hashes(vector, 3);
            assertThat(tree.inclusionProof(index, size))
                    .as("inclusion of %d in %d", index, size)
                    .containsExactlyElementsOf(expected);
            assertThat(Merkle.verifyInclusion(
                            index, size, Merkle.leafHash(leaves.get(index)), expected, roots.get(size)))
                    .isTrue();
        }
    }

    @Test
    void consistencyProofsMatchAndVerify() {
        appendAll();
        for (String[] vector : consistencies) {
            int size1 = Integer.parseInt(vector[1]);
            int size2 = Integer.parseInt(vector[2]);
            List<byte[]> expected = hashes(vector, 3);
            assertThat(tree.consistencyProof(size1, size2))
                    .as("consistency of %d with %d", size1, size2)
                    .containsExactlyElementsOf(expected);
            assertThat(Merkle.verifyConsistency(size1, size2, expected, roots.get(size1), roots.get(size2)))
                    .isTrue();
        }
    }

    private void appendAll() {
        tree.append(0, leaves.stream().map(Merkle::leafHash).toList());
    }

    private static List<byte[]> hashes(String[] fields, int from) {
        return Arrays.stream(fields, from, fields.length).map(HEX::parseHex).toList();
    }
}
