package coaching.ledger.platform.fingerprint;

import coaching.ledger.platform.secrets.SecretFiles;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the fingerprint secret comes from: {@value #KEY} (base64, e.g. from the environment variable
 * {@code LEDGER_FINGERPRINT_KEY}), else the key file {@value #KEY_FILE} (default {@value #DEFAULT_KEY_FILE}),
 * which is generated on first start when absent. Every process appending to one event store must use
 * the same key. Under the {@code prod} profile nothing is generated: a key must be configured.
 */
public final class FingerprintKeys {

    public static final String KEY = "ledger.fingerprint.key";
    public static final String KEY_FILE = "ledger.fingerprint.key-file";
    public static final String DEFAULT_KEY_FILE = "./data/keys/fingerprint.key";

    private FingerprintKeys() {}

    public static Fingerprints fromEnvironment(Environment environment) {
        String key = environment.getProperty(KEY);
        if (key != null && !key.isBlank()) {
            return fingerprints(key, KEY);
        }
        String keyFile = environment.getProperty(KEY_FILE);
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            if (keyFile == null || !Files.isRegularFile(Path.of(keyFile))) {
                throw new IllegalStateException("profile prod needs a fingerprint key: set " + KEY
                        + " (LEDGER_FINGERPRINT_KEY, base64 of at least " + Fingerprints.MINIMUM_KEY_BYTES
                        + " random bytes) or " + KEY_FILE + " to an existing key file");
            }
            return fromFile(Path.of(keyFile));
        }
        return fromFile(Path.of(keyFile == null ? DEFAULT_KEY_FILE : keyFile));
    }

    /** Reads the key file, generating it first if it does not exist yet. */
    public static Fingerprints fromFile(Path file) {
        return fingerprints(SecretFiles.readOrCreate(file, () -> newKey() + "\n"), file.toString());
    }

    /** A new random key in base64, as {@value #KEY} and the key file hold it. */
    public static String newKey() {
        byte[] secret = new byte[Fingerprints.MINIMUM_KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static Fingerprints fingerprints(String base64, String source) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the fingerprint key of " + source + " is not base64", e);
        }
        if (secret.length < Fingerprints.MINIMUM_KEY_BYTES) {
            throw new IllegalStateException("the fingerprint key of " + source + " has " + secret.length
                    + " bytes; at least " + Fingerprints.MINIMUM_KEY_BYTES + " are needed");
        }
        return new Fingerprints(secret);
    }
}
