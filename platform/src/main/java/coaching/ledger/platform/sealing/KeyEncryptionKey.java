package coaching.ledger.platform.sealing;

import coaching.ledger.platform.secrets.SecretFiles;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key-encryption key (KEK) that wraps every client's data key. It is never stored in the
 * database, so a database backup alone opens nothing. It comes from {@value #KEY} (base64 of a Tink
 * JSON keyset, e.g. from the environment variable {@code LEDGER_KEK}), else the keyset file
 * {@value #KEY_FILE} (default {@value #DEFAULT_KEY_FILE}), which the embedded default generates on
 * first start. Under the {@code prod} profile nothing is generated: a KEK must be configured.
 *
 * <p>A keyset may hold several keys: the primary wraps, every key unwraps, which is how a rotation
 * re-wraps the data keys under a new primary while the old one still opens them.
 */
public final class KeyEncryptionKey {

    public static final String KEY = "ledger.keys.kek";
    public static final String KEY_FILE = "ledger.keys.kek-file";
    public static final String DEFAULT_KEY_FILE = "./data/keys/kek.json";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle keyset;
    private final Aead aead;

    public KeyEncryptionKey(KeysetHandle keyset) {
        try {
            this.keyset = keyset;
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption keyset holds no AEAD key", e);
        }
    }

    public static KeyEncryptionKey fromEnvironment(Environment environment) {
        String key = environment.getProperty(KEY);
        if (key != null && !key.isBlank()) {
            return parse(new String(decodeBase64(key), StandardCharsets.UTF_8), KEY);
        }
        String keyFile = environment.getProperty(KEY_FILE);
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            if (keyFile == null || !Files.isRegularFile(Path.of(keyFile))) {
                throw new IllegalStateException("profile prod needs a key-encryption key outside the database: set "
                        + KEY + " (LEDGER_KEK, base64 of a Tink JSON keyset) or " + KEY_FILE
                        + " to an existing keyset file");
            }
        }
        return fromFile(Path.of(keyFile == null ? DEFAULT_KEY_FILE : keyFile));
    }

    /** Reads the keyset file, generating a keyset of one AES-256-GCM key first if it does not exist. */
    public static KeyEncryptionKey fromFile(Path file) {
        return parse(SecretFiles.readOrCreate(file, KeyEncryptionKey::newKeysetJson), file.toString());
    }

    /** A new keyset of one AES-256-GCM key, as Tink JSON: what a KEK file holds. */
    public static String newKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key-encryption key", e);
        }
    }

    Aead aead() {
        return aead;
    }

    /** The id of the key that wraps from now on; recorded beside each wrapped data key. */
    public long primaryKeyId() {
        return Integer.toUnsignedLong(keyset.getPrimary().getId());
    }

    KeysetHandle keyset() {
        return keyset;
    }

    static KeyEncryptionKey parse(String json, String source) {
        try {
            return new KeyEncryptionKey(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption key of " + source + " is not a Tink JSON keyset", e);
        }
    }

    private static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY + " is not base64", e);
        }
    }
}
