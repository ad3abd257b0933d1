package coaching.ledger.platform.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The signed checkpoints kept in {@code log_checkpoint}: what readers serve and the verifier re-checks. */
@Component
@ConditionalOnAudit
public class CheckpointLog {

    private static final String SELECT = "SELECT treeSize, rootHash, note, signedAt FROM log_checkpoint";
    private static final RowMapper<Signed> SIGNED = (row, n) -> new Signed(
            row.getLong(1), row.getString(2).trim(), row.getString(3), row.getObject(4, OffsetDateTime.class));

    private final JdbcTemplate jdbc;

    public CheckpointLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One signed checkpoint as stored: the note is what counts, the other columns only index it. */
    public record Signed(long size, String rootHex, String note, OffsetDateTime signedAt) {}

    public Optional<Signed> latest() {
        return first(jdbc.query(SELECT + " ORDER BY treeSize DESC LIMIT 1", SIGNED));
    }

    /** The first checkpoint covering at least {@code size} entries, if one is signed yet. */
    public Optional<Signed> covering(long size) {
        return first(jdbc.query(SELECT + " WHERE treeSize >= ? ORDER BY treeSize LIMIT 1", SIGNED, size));
    }

    /** Every stored checkpoint, oldest first (the verifier checks each against the history it recomputes). */
    public List<Signed> all() {
        return jdbc.query(SELECT + " ORDER BY treeSize", SIGNED);
    }

    void store(long size, String rootHex, String note, OffsetDateTime signedAt) {
        jdbc.update(
                "INSERT INTO log_checkpoint (treeSize, rootHash, note, signedAt) VALUES (?, ?, ?, ?)",
                size,
                rootHex,
                note,
                signedAt);
    }

    private static Optional<Signed> first(List<Signed> rows) {
        return rows.stream().findFirst();
    }
}
