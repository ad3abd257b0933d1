package coaching.ledger.platform.audit.tlog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The verifiers refuse every altered proof, and never throw whatever they are given. */
class MerkleTest {

    private static final int SIZE = 1000;
    private static final long[][] INCLUSIONS = {
        {0, 1}, {0, 2}, {1, 2}, {5, 8}, {6, 7}, {0, SIZE}, {255, 256}, {300, 513}, {777, SIZE}, {SIZE - 1, SIZE}
    };
    private static final long[][] CONSISTENCIES = {
        {1, 2}, {2, 3}, {3, 8}, {4, 8}, {6, 7}, {255, 256}, {256, 257}, {300, 513}, {512, 1000}, {999, SIZE}
    };

    /** Twice as many leaves as the proofs use, for the roots of the wrong, larger sizes. */
    private final ReferenceTree reference = ReferenceTree.withLeaves(2 * SIZE);

    @Test
    void hashesFollowRfc9162() {
        assertThat(Merkle.emptyRoot()).isEqualTo(ReferenceTree.sha256());
        assertThat(Merkle.leafHash(new byte[] {7})).isEqualTo(ReferenceTree.sha256(new byte[] {0x00, 7}));
        byte[] left = reference.leafHash(0);
        byte[] right = reference.leafHash(1);
        assertThat(Merkle.nodeHash(left, right))
                .isEqualTo(ReferenceTree.sha256(new byte[] {0x01}, left, right))
                .isEqualTo(reference.root(2));
    }

    @Test
    void inclusionFailsForEveryAlteration() {
        for (long[] vector : INCLUSIONS) {
            long index = vector[0];
            long size = vector[1];
            byte[] leaf = reference.leafHash((int) index);
            byte[] root = reference.root((int) size);
            List<byte[]> proof = reference.path((int) index, (int) size);
            assertThat(Merkle.verifyInclusion(index, size, leaf, proof, root)).isTrue();

            for (List<byte[]> altered : alterations(proof, root)) {
                assertThat(Merkle.verifyInclusion(index, size, leaf, altered, root))
                        .as("altered proof of %d in %d", index, size)
                        .isFalse();
            }
            for (long otherIndex : new long[] {index - 1, index + 1, index ^ 2, size}) {
                assertThat(Merkle.verifyInclusion(otherIndex, size, leaf, proof, root))
                        .as("index %d for %d", otherIndex, index)
                        .isFalse();
            }
            // a proof binds the size only through the root, so a wrong size comes with that size's real root
            for (long otherSize : new long[] {size - 1, size + 1, size * 2, size / 2}) {
                if (otherSize > 0 && otherSize != size) {
                    byte[] otherRoot = reference.root((int) otherSize);
                    assertThat(Merkle.verifyInclusion(index, otherSize, leaf, proof, otherRoot))
                            .as("size %d for %d", otherSize, size)
                            .isFalse();
                }
            }
            assertThat(Merkle.verifyInclusion(index, size, flipped(leaf, 0), proof, root))
                    .isFalse();
            assertThat(Merkle.verifyInclusion(index, size, leaf, proof, flipped(root, 255)))
                    .isFalse();
        }
    }

    @Test
    void consistencyFailsForEveryAlteration() {
        for (long[] vector : CONSISTENCIES) {
            long size1 = vector[0];
            long size2 = vector[1];
            byte[] root1 = reference.root((int) size1);
            byte[] root2 = reference.root((int) size2);
            List<byte[]> proof = reference.proof((int) size1, (int) size2);
            assertThat(Merkle.verifyConsistency(size1, size2, proof, root1, root2))
                    .isTrue();

            for (List<byte[]> altered : alterations(proof, root1)) {
                assertThat(Merkle.verifyConsistency(size1, size2, altered, root1, root2))
                        .as("altered proof %d to %d", size1, size2)
                        .isFalse();
            }
            assertThat(Merkle.verifyConsistency(size1, size2, List.of(), root1, root2))
                    .isFalse();
            assertThat(Merkle.verifyConsistency(size1, size2, proof, root2, root1))
                    .as("swapped roots")
                    .isFalse();
            assertThat(Merkle.verifyConsistency(size1, size2, proof, flipped(root1, 3), root2))
                    .isFalse();
            assertThat(Merkle.verifyConsistency(size1, size2, proof, root1, flipped(root2, 3)))
                    .isFalse();
            assertThat(Merkle.verifyConsistency(size2, size1, proof, root2, root1))
                    .isFalse();
            // as with inclusion, wrong sizes come with their real roots
            for (long[] sizes : new long[][] {
                {size1 - 1, size2},
                {size1 + 1, size2},
                {size1 ^ 2, size2},
                {size1, size2 + 1},
                {size1, size2 * 2},
                {size1, size2 - 1}
            }) {
                if (sizes[0] > 0 && sizes[0] < sizes[1]) {
                    byte[] otherRoot1 = reference.root((int) sizes[0]);
                    byte[] otherRoot2 = reference.root((int) sizes[1]);
                    assertThat(Merkle.verifyConsistency(sizes[0], sizes[1], proof, otherRoot1, otherRoot2))
                            .as("sizes %s", Arrays.toString(sizes))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void equalAndEmptyTreesNeedNoProof() {
        byte[] root = reference.root(10);
        assertThat(Merkle.verifyConsistency(10, 10, List.of(), root, root)).isTrue();
        assertThat(Merkle.verifyConsistency(10, 10, List.of(root), root, root)).isFalse();
        assertThat(Merkle.verifyConsistency(10, 10, List.of(), root, reference.root(9)))
                .isFalse();
        assertThat(Merkle.verifyConsistency(0, 10, List.of(), Merkle.emptyRoot(), root))
                .isTrue();
        assertThat(Merkle.verifyConsistency(0, 10, List.of(root), Merkle.emptyRoot(), root))
                .isFalse();
        assertThat(Merkle.verifyInclusion(0, 0, reference.leafHash(0), List.of(), Merkle.emptyRoot()))
                .isFalse();
    }

    @Test
    void hostileInputIsRefusedWithoutThrowing() {
        byte[] leaf = reference.leafHash(3);
        byte[] root = reference.root(8);
        List<byte[]> proof = reference.path(3, 8);
        List<byte[]> consistency = reference.proof(3, 8);
        byte[] root3 = reference.root(3);
        List<byte[]> withNull = new ArrayList<>(proof);
        withNull.set(1, null);
        List<byte[]> shortHash = new ArrayList<>(proof);
        shortHash.set(1, new byte[31]);
        List<byte[]> longProof = Collections.nCopies(65, leaf);
        List<byte[]> sixtyFour = Collections.nCopies(64, leaf);

        assertThatCode(() -> {
                    assertThat(Merkle.verifyInclusion(3, 8, leaf, null, root)).isFalse();
                    assertThat(Merkle.verifyInclusion(3, 8, leaf, withNull, root))
                            .isFalse();
                    assertThat(Merkle.verifyInclusion(3, 8, leaf, shortHash, root))
                            .isFalse();
                    assertThat(Merkle.verifyInclusion(3, 8, null, proof, root)).isFalse();
                    assertThat(Merkle.verifyInclusion(3, 8, new byte[5], proof, root))
                            .isFalse();
                    assertThat(Merkle.verifyInclusion(3, 8, leaf, proof, null)).isFalse();
                    assertThat(Merkle.verifyInclusion(0, 1, null, List.of(), null))
                            .isFalse();
                    assertThat(Merkle.verifyInclusion(0, 1, new byte[0], List.of(), new byte[0]))
                            .isFalse();
                    assertThat(Merkle.verifyInclusion(-1, 8, leaf, proof, root)).isFalse();
                    assertThat(Merkle.verifyInclusion(3, -8, leaf, proof, root)).isFalse();
                    assertThat(Merkle.verifyInclusion(Long.MAX_VALUE - 1, Long.MAX_VALUE, leaf, sixtyFour, root))
                            .isFalse();
                    assertThat(Merkle.verifyInclusion(Long.MIN_VALUE, Long.MAX_VALUE, leaf, proof, root))
                            .isFalse();
                    assertThat(Merkle.verifyInclusion(0, Long.MAX_VALUE, leaf, longProof, root))
                            .isFalse();

                    assertThat(Merkle.verifyConsistency(3, 8, null, root3, root))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(3, 8, withNull, root3, root))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(3, 8, shortHash, root3, root))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(4, 8, reference.proof(4, 8), null, root))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(4, 8, reference.proof(4, 8), new byte[3], root))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(3, 8, consistency, root3, null))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(5, 5, List.of(), null, null))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(0, 0, List.of(), new byte[1], new byte[1]))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(0, 5, List.of(), null, null))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(-3, 8, consistency, root3, root))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(Long.MAX_VALUE - 1, Long.MAX_VALUE, sixtyFour, root3, root))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(1, Long.MAX_VALUE, sixtyFour, root3, root))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(3, 8, longProof, root3, root))
                            .isFalse();
                })
                .doesNotThrowAnyException();
    }

    /** A proof with one bit flipped in each hash (every bit, one at a time), truncated, extended or reordered. */
    private static List<List<byte[]>> alterations(List<byte[]> proof, byte[] root) {
        List<List<byte[]>> altered = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            for (int bit = 0; bit < 256; bit++) {
                List<byte[]> copy = new ArrayList<>(proof);
                copy.set(i, flipped(proof.get(i), bit));
                altered.add(copy);
            }
        }
        if (!proof.isEmpty()) {
            altered.add(proof.subList(0, proof.size() - 1));
            altered.add(proof.subList(1, proof.size()));
            altered.add(withAt(proof, 0, proof.get(0)));
        }
        altered.add(withAt(proof, proof.size(), root));
        altered.add(withAt(proof, proof.size(), new byte[32]));
        altered.add(withAt(proof, 0, root));
        if (proof.size() > 1) {
            List<byte[]> swapped = new ArrayList<>(proof);
            Collections.swap(swapped, 0, 1);
            altered.add(swapped);
        }
        return altered;
    }

    private static List<byte[]> withAt(List<byte[]> proof, int position, byte[] hash) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(position, hash);
        return copy;
    }

    private static byte[] flipped(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
