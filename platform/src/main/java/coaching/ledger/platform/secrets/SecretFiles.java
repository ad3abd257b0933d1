package coaching.ledger.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
     * Replaces the file's secret in one step: the new text is written completely under a temporary
     * name (readable by its owner only), then renamed over the file, so a crash leaves the old secret
     * or the new one, never part of either. Both the text and the rename are on disk when this returns:
     * whatever is done next under the new secret may count on it.
     */
    public static void replace(Path file, String secret) {
        try {
            Path draft = draft(file, secret);
            try {
                Files.move(draft, file.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
                force(file.toAbsolutePath().getParent());
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the secret file " + file, e);
        }
    }

    /**
     * Writes a complete file under a temporary name, then links it into place: the link fails if
     * another process got there first, and that process's secret stands.
     */
    private static void create(Path file, String secret) throws IOException {
        Path draft = draft(file, secret);
        try {
            Files.createLink(file.toAbsolutePath(), draft);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            // the other process's secret is the one every process uses
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** The secret in a new file beside {@code file}, readable by its owner only. */
    private static Path draft(Path file, String secret) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(
                directory,
                ".secret",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, secret, StandardCharsets.UTF_8);
            force(draft);
            return draft;
        } catch (IOException e) {
            Files.deleteIfExists(draft);
            throw e;
        }
    }

    private static void force(Path fileOrDirectory) throws IOException {
        try (FileChannel channel = FileChannel.open(fileOrDirectory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
