package coaching.ledger.platform.sealing;

import coaching.ledger.platform.secrets.SecretFiles;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Rotates the key-encryption key (docs/operations.md, "Rotating the key-encryption key"): adds a
 * freshly generated AES-256-GCM key to the KEK keyset as its primary and re-wraps every client's
 * data key under it. The data keys themselves stay as they are, so no event and no envelope changes.
 *
 * <p>Crash-safe and restartable: the new keyset, which keeps the old keys, is stored before any row
 * is re-wrapped under it, so every row opens at every moment. A run that finds rows wrapped under
 * another key than the configured primary finishes that rotation (rows already re-wrapped are
 * skipped) and adds no key; only a run that finds every row under the primary starts a new one.
 *
 * <p>A KEK set by {@value KeyEncryptionKey#KEY} cannot be rewritten from here: the run hands back
 * the new keyset and re-wraps nothing. Once the operator has configured it in every process, the
 * next run finds the rows under the old key and re-wraps them.
 */
public final class KekRotation {

    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;

    public KekRotation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What one run did: whether it added a new primary, the primary every row is (or, with {@code
     * newKek}, will be) wrapped under, how many rows it re-wrapped, the keyset file it rewrote, and
     * the new keyset for {@value KeyEncryptionKey#KEY} (base64) when the KEK is configured there.
     */
    public record Report(boolean newPrimary, long primaryKeyId, long rewrapped, String keysetFile, String newKek) {}

    /** Runs the rotation for the KEK the environment configures (see {@link KeyEncryptionKey#fromEnvironment}). */
    public Report rotate(Environment environment) {
        Optional<Path> file = KeyEncryptionKey.configuredFile(environment);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new IllegalStateException("there is no key-encryption key to rotate at " + file.get() + " (set "
                    + KeyEncryptionKey.KEY_FILE + " to the file the ledger uses)");
        }
        KeyEncryptionKey configured = KeyEncryptionKey.fromEnvironment(environment);
        String keysetFile = file.map(Path::toString).orElse(null);
        if (anyWrappedUnderAnotherKey(configured)) {
            return new Report(false, configured.primaryKeyId(), rewrap(configured), keysetFile, null);
        }
        KeyEncryptionKey rotated = configured.withNewPrimary();
        if (file.isEmpty()) {
            String newKek = Base64.getEncoder().encodeToString(rotated.toJson().getBytes(StandardCharsets.UTF_8));
            return new Report(true, rotated.primaryKeyId(), 0, null, newKek);
        }
        SecretFiles.replace(file.get(), rotated.toJson());
        // re-wrap under what was stored, not under what was meant to be
        KeyEncryptionKey stored = KeyEncryptionKey.fromFile(file.get());
        return new Report(true, stored.primaryKeyId(), rewrap(stored), keysetFile, null);
    }

    /**
     * Re-wraps under the primary every data key wrapped under another key of the keyset, each row
     * in a statement committed on its own, so a crash loses nothing done so far.
     *
     * @return how many rows it re-wrapped
     */
    long rewrap(KeyEncryptionKey kek) {
        long primary = kek.primaryKeyId();
        long rewrapped = 0;
        String after = "";
        while (true) {
            List<WrappedKey> batch = jdbc.query(
                    "SELECT client_id, wrapped_key, kek_key_id FROM data_key"
                            + " WHERE kek_key_id <> ? AND client_id > ? ORDER BY client_id LIMIT ?",
                    (row, n) -> new WrappedKey(row.getString(1), row.getBytes(2), row.getLong(3)),
                    primary,
                    after,
                    BATCH);
            if (batch.isEmpty()) {
                return rewrapped;
            }
            for (WrappedKey row : batch) {
                byte[] underPrimary = kek.wrap(row.clientId(), kek.unwrap(row.clientId(), row.wrapped()));
                // only the row as it was read: another run may have re-wrapped it meanwhile
                rewrapped += jdbc.update(
                        "UPDATE data_key SET wrapped_key = ?, kek_key_id = ? WHERE client_id = ? AND kek_key_id = ?",
                        underPrimary,
                        primary,
                        row.clientId(),
                        row.kekKeyId());
            }
            after = batch.get(batch.size() - 1).clientId();
        }
    }

    private boolean anyWrappedUnderAnotherKey(KeyEncryptionKey kek) {
        return !jdbc.queryForList(
                        "SELECT client_id FROM data_key WHERE kek_key_id <> ? LIMIT 1",
                        String.class,
                        kek.primaryKeyId())
                .isEmpty();
    }

    private record WrappedKey(String clientId, byte[] wrapped, long kekKeyId) {}
}
