package coaching.ledger.platform.audit.tlog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TileStore} in memory, for tests and benchmarks. Copies on the way in and out, as a database would. */
public final class InMemoryTileStore implements TileStore {

    private record TileId(int level, long index) {}

    private static final byte[] ABSENT = new byte[0];

    private final Map<TileId, byte[]> tiles = new ConcurrentHashMap<>();

    @Override
    public byte[] read(int level, long index) {
        return tiles.getOrDefault(new TileId(level, index), ABSENT).clone();
    }

    @Override
    public void write(int level, long index, byte[] hashes) {
        tiles.put(new TileId(level, index), hashes.clone());
    }

    /** How many tiles are stored. */
    public int tileCount() {
        return tiles.size();
    }
}
