package coaching.ledger.platform.audit.tlog;

/**
 * Where the tiles of a {@link TiledTree} live (a JDBC table in production, a map in tests). The tile
 * at {@code level} and {@code index} holds the hashes of tree level {@code 8 * level}, node indexes
 * {@code 256 * index} onwards, as in C2SP tlog-tiles.
 */
public interface TileStore {

    /** The tile's hashes concatenated (32 bytes each, width = length / 32), or an empty array when absent. */
    byte[] read(int level, long index);

    /** Stores the tile (full or partial), replacing what was there. */
    void write(int level, long index, byte[] hashes);
}
