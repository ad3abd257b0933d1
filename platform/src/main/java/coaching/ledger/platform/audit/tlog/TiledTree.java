package coaching.ledger.platform.audit.tlog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9162 Merkle tree kept in C2SP tlog-tiles: tiles of 256 hashes, the tile at tile-level
 * {@code L} holding tree level {@code 8L}. Appends, roots and proofs read O(log n) tiles, never the
 * leaves' history: a node at level {@code 8L + r} is folded from {@code 2^r} hashes of one tile, so
 * besides the {@code k} leaves of an append, each call hashes up to about 255 times per tile-level
 * (a few hundred hashes in all; batches amortise them).
 * <p>
 * Holds no state between calls: the store is the truth, so it may sit in the caller's transaction,
 * and one instance may serve several threads. Each call caches the tiles it reads and writes.
 */
public final class TiledTree {

    /** Tree levels per tile. */
    private static final int TILE_HEIGHT = 8;
    /** Hashes in a full tile. */
    private static final int TILE_WIDTH = 1 << TILE_HEIGHT;

    private static final int HASH = Merkle.HASH_SIZE;

    private final TileStore store;

    public TiledTree(TileStore store) {
        this.store = store;
    }

    /**
     * Appends leaf hashes to the tree that has {@code size} leaves now; writes only the tiles that change
     * (the partial tile of each level, and new tiles) and answers the new root.
     */
    public byte[] append(long size, List<byte[]> leafHashes) {
        Call call = extend(size, leafHashes);
        long newSize = size + leafHashes.size();
        return newSize == 0 ? Merkle.emptyRoot() : call.rangeHash(0, newSize);
    }

    /**
     * Appends like {@link #append} but leaves the root to the caller (who may hold the frontier of {@code size}
     * already, and so need not read the tiles to hash it).
     */
    public void appendLeaves(long size, List<byte[]> leafHashes) {
        extend(size, leafHashes);
    }

    private Call extend(long size, List<byte[]> leafHashes) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + size);
        }
        Call call = new Call();
        call.requireExactSize(size);
        byte[] fresh = concatenate(leafHashes);
        // tile-level by tile-level: the new hashes of level 8L fill tiles; each tile they complete gives
        // one new hash of level 8L + 8
        for (int level = 0; fresh.length > 0; level++) {
            fresh = call.extend(level, size >>> (TILE_HEIGHT * level), fresh);
        }
        return call;
    }

    /** The frontier (perfect subtrees' roots) of the tree of {@code size}, to append to in memory. */
    public MerkleFrontier frontier(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + size);
        }
        List<byte[]> subtrees = new ArrayList<>();
        if (size > 0) {
            Call call = new Call();
            call.requireStored(size);
            long start = 0;
            for (int height = Long.SIZE - 2; height >= 0; height--) {
                if ((size >>> height & 1) == 1) {
                    subtrees.add(call.node(height, start >>> height));
                    start += 1L << height;
                }
            }
        }
        return MerkleFrontier.of(size, subtrees);
    }

    public byte[] root(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + size);
        }
        if (size == 0) {
            return Merkle.emptyRoot();
        }
        Call call = new Call();
        call.requireStored(size);
        return call.rangeHash(0, size);
    }

    public byte[] leafHash(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a leaf index is not negative: " + index);
        }
        Call call = new Call();
        call.requireStored(index + 1);
        return call.node(0, index);
    }

    /** The inclusion proof of RFC 9162 §2.1.3.1: PATH(index, D[size]), lowest sibling first. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        Call call = new Call();
        call.requireStored(size);
        // the RFC's recursion unrolled: each split adds the hash of the half without the leaf
        List<byte[]> siblings = new ArrayList<>();
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long split = start + Long.highestOneBit(end - start - 1);
            if (index < split) {
                siblings.add(call.rangeHash(split, end));
                end = split;
            } else {
                siblings.add(call.rangeHash(start, split));
                start = split;
            }
        }
        Collections.reverse(siblings);
        return siblings;
    }

    /**
     * The consistency proof of RFC 9162 §2.1.4.1: PROOF(size1, D[size2]); empty when {@code size1} is 0 or
     * equals {@code size2}.
     */
    public List<byte[]> consistencyProof(long size1, long size2) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        Call call = new Call();
        if (size2 > 0) {
            call.requireStored(size2);
        }
        if (size1 == 0 || size1 == size2) {
            return List.of();
        }
        // SUBPROOF(size1, D[size2], true) unrolled; `whole` is the RFC's flag b
        List<byte[]> hashes = new ArrayList<>();
        long start = 0;
        long end = size2;
        boolean whole = true;
        while (end != size1) {
            long split = start + Long.highestOneBit(end - start - 1);
            if (size1 <= split) {
                hashes.add(call.rangeHash(split, end));
                end = split;
            } else {
                hashes.add(call.rangeHash(start, split));
                start = split;
                whole = false;
            }
        }
        if (!whole) {
            hashes.add(call.rangeHash(start, end));
        }
        Collections.reverse(hashes);
        return hashes;
    }

    private static byte[] concatenate(List<byte[]> hashes) {
        byte[] joined = new byte[hashes.size() * HASH];
        for (int i = 0; i < hashes.size(); i++) {
            byte[] hash = hashes.get(i);
            if (hash == null || hash.length != HASH) {
                throw new IllegalArgumentException("leaf hash " + i + " does not have 32 bytes");
            }
            System.arraycopy(hash, 0, joined, i * HASH, HASH);
        }
        return joined;
    }

    private record TileId(int level, long index) {}

    /** One public call: its tile cache (tiles written are cached too), hasher and scratch space. */
    private final class Call {

        private final Map<TileId, byte[]> tiles = new HashMap<>();
        private final NodeHasher hasher = new NodeHasher();
        private final byte[] scratch = new byte[TILE_WIDTH * HASH];

        private byte[] tile(int level, long index) {
            return tiles.computeIfAbsent(new TileId(level, index), id -> store.read(id.level(), id.index()));
        }

        private int width(int level, long index) {
            return tile(level, index).length / HASH;
        }

        void requireStored(long size) {
            long last = size - 1;
            if (width(0, last >>> TILE_HEIGHT) <= (last & (TILE_WIDTH - 1))) {
                throw new IllegalArgumentException("the stored tree has fewer than " + size + " leaves");
            }
        }

        void requireExactSize(long size) {
            boolean lastTileMatches = width(0, size >>> TILE_HEIGHT) == (size & (TILE_WIDTH - 1));
            boolean boundaryFull =
                    size % TILE_WIDTH != 0 || size == 0 || width(0, (size >>> TILE_HEIGHT) - 1) == TILE_WIDTH;
            if (!lastTileMatches || !boundaryFull) {
                throw new IllegalArgumentException("the stored tree does not have " + size + " leaves");
            }
        }

        /**
         * Adds the hashes {@code fresh} to tree level {@code 8 * level}, which holds {@code count} hashes,
         * rewriting the partial tile and writing new ones; answers the roots of the tiles completed.
         */
        byte[] extend(int level, long count, byte[] fresh) {
            long newCount = count + fresh.length / HASH;
            long firstTile = count >>> TILE_HEIGHT;
            long lastTile = (newCount - 1) >>> TILE_HEIGHT;
            byte[] completed = new byte[(int) ((newCount >>> TILE_HEIGHT) - firstTile) * HASH];
            int consumed = 0;
            for (long index = firstTile; index <= lastTile; index++) {
                long tileStart = index << TILE_HEIGHT;
                int kept = (int) Math.max(0, count - tileStart);
                int width = (int) Math.min(TILE_WIDTH, newCount - tileStart);
                byte[] tile = new byte[width * HASH];
                if (kept > 0) {
                    byte[] partial = tile(level, index);
                    if (partial.length != kept * HASH) {
                        throw new IllegalStateException("tile " + level + "/" + index + " holds "
                                + partial.length / HASH + " hashes, the tree needs " + kept);
                    }
                    System.arraycopy(partial, 0, tile, 0, kept * HASH);
                }
                int added = (width - kept) * HASH;
                System.arraycopy(fresh, consumed, tile, kept * HASH, added);
                consumed += added;
                store.write(level, index, tile);
                tiles.put(new TileId(level, index), tile);
                if (width == TILE_WIDTH) {
                    byte[] root = hasher.perfectRoot(tile, 0, TILE_WIDTH, scratch);
                    System.arraycopy(root, 0, completed, (int) (index - firstTile) * HASH, HASH);
                }
            }
            return completed;
        }

        /** The hash of the perfect subtree at tree level {@code height}, node index {@code index}. */
        byte[] node(int height, long index) {
            int level = height / TILE_HEIGHT;
            int span = 1 << (height % TILE_HEIGHT);
            long first = index << (height % TILE_HEIGHT);
            byte[] tile = tile(level, first >>> TILE_HEIGHT);
            int offset = (int) (first & (TILE_WIDTH - 1));
            if (tile.length < (offset + span) * HASH) {
                throw new IllegalStateException("tile " + level + "/" + (first >>> TILE_HEIGHT) + " lacks node "
                        + height + "/" + index + " of a stored tree");
            }
            return hasher.perfectRoot(tile, offset * HASH, span, scratch);
        }

        /**
         * MTH(D[start:end]) for a range that RFC 9162's recursion produces ({@code start} a multiple of the
         * smallest power of two not below {@code end - start}): its perfect subtrees folded from the right.
         */
        byte[] rangeHash(long start, long end) {
            long length = end - start;
            byte[] hash = null;
            long right = end;
            for (int height = 0; right > start; height++) {
                if ((length >>> height & 1) == 1) {
                    byte[] subtree = node(height, (right >>> height) - 1);
                    hash = hash == null ? subtree : hasher.hash(subtree, hash);
                    right -= 1L << height;
                }
            }
            return hash;
        }
    }
}
