package coaching.ledger.platform.audit.tlog;

import coaching.ledger.platform.secrets.SecretFiles;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the key that signs checkpoints comes from, like the key-encryption key: never the database.
 * {@value #KEY} (a private key text {@code PRIVATE+KEY+...}), else the environment variable
 * {@value #ENVIRONMENT_VARIABLE}, else the file {@value #KEY_FILE} (default {@value #DEFAULT_KEY_FILE}),
 * generated on first start with the key name {@value #ORIGIN} (default {@value #DEFAULT_ORIGIN}).
 * Under the {@code prod} profile nothing is generated: a key must be configured.
 */
public final class CheckpointSigningKey {

    public static final String KEY = "ledger.checkpoints.signing-key";
    /** Not Spring's name for {@value #KEY}, hence looked up by name. */
    public static final String ENVIRONMENT_VARIABLE = "LEDGER_CHECKPOINT_SIGNING_KEY";

    public static final String KEY_FILE = "ledger.checkpoints.signing-key-file";
    public static final String DEFAULT_KEY_FILE = "./data/keys/checkpoint-signing.key";

    public static final String ORIGIN = "ledger.checkpoints.origin";
    public static final String DEFAULT_ORIGIN = "localhost/engagement-ledger";

    private CheckpointSigningKey() {}

    /** @throws IllegalStateException when the key is not a private key text, or under {@code prod} when none is configured */
    public static NoteSigner fromEnvironment(Environment environment) {
        String key = environment.getProperty(KEY, environment.getProperty(ENVIRONMENT_VARIABLE, ""));
        if (!key.isBlank()) {
            return parse(key, KEY + " (" + ENVIRONMENT_VARIABLE + ")");
        }
        String keyFile = environment.getProperty(KEY_FILE);
        if (environment.acceptsProfiles(Profiles.of("prod"))
                && (keyFile == null || !Files.isRegularFile(Path.of(keyFile)))) {
            throw new IllegalStateException("profile prod needs a checkpoint signing key outside the database: set "
                    + KEY + " (" + ENVIRONMENT_VARIABLE + ", a private key text PRIVATE+KEY+...) or " + KEY_FILE
                    + " to an existing key file");
        }
        Path file = Path.of(keyFile == null ? DEFAULT_KEY_FILE : keyFile);
        String origin = environment.getProperty(ORIGIN, DEFAULT_ORIGIN);
        String text =
                SecretFiles.readOrCreate(file, () -> NoteSigner.generate(origin).privateKeyText() + "\n");
        return parse(text, "the checkpoint signing key file " + file + " (" + KEY_FILE + ")");
    }

    /** The key is a secret: messages name where it came from, never its value, and keep no cause that might quote it. */
    private static NoteSigner parse(String text, String source) {
        try {
            return NoteSigner.parse(text.strip());
        } catch (IllegalArgumentException notAKey) {
            throw new IllegalStateException(
                    source + " is not a private key text PRIVATE+KEY+<name>+<id>+<key>: " + notAKey.getMessage());
        }
    }
}
