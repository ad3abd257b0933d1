package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.tlog.TileStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The Merkle tree's tiles in table {@code merkle_tile}. Only the sealer writes, holding the chain head's
 * lock, so an update-else-insert is enough: no two writers race for one tile.
 */
final class JdbcTileStore implements TileStore {

    private static final byte[] ABSENT = new byte[0];

    private final JdbcTemplate jdbc;

    JdbcTileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] read(int level, long index) {
        List<byte[]> tiles = jdbc.query(
                "SELECT hashes FROM merkle_tile WHERE level = ? AND idx = ?",
                (row, n) -> row.getBytes(1),
                level,
                index);
        return tiles.isEmpty() ? ABSENT : tiles.get(0);
    }

    @Override
    public void write(int level, long index, byte[] hashes) {
        if (jdbc.update("UPDATE merkle_tile SET hashes = ? WHERE level = ? AND idx = ?", hashes, level, index) == 0) {
            jdbc.update("INSERT INTO merkle_tile (level, idx, hashes) VALUES (?, ?, ?)", level, index, hashes);
        }
    }
}
