package coaching.ledger.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Secrets the embedded default keeps in files under {@code ./data/keys} (never in the database, so
 * never in its backups): read one, generating it on first start. Racing processes all end up with
 * the one secret that was written first.
 */
public final class SecretFiles {

    private SecretFiles() {}

    /** The file's text, after writing {@code newSecret} into it if it did not exist yet. */
    public static String readOrCreate(Path file, Supplier<String> newSecret) {
        try {
            if (!Files.exists(file)) {
                create(file, newSecret.get());
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }

    /**
     * Writes a complete file under a temporary name (readable by its owner only), then links it into
     * place: the link fails if another process got there first, and that process's secret stands.
     */
    private static void create(Path file, String secret) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(
                directory,
                ".secret",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, secret, StandardCharsets.UTF_8);
            Files.createLink(file.toAbsolutePath(), draft);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            // the other process's secret is the one every process uses
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
