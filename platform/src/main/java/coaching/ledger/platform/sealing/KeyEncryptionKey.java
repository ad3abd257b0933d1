package coaching.ledger.platform.sealing;

import coaching.ledger.platform.secrets.SecretFiles;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * The key-encryption key (KEK) that wraps every client's data key. It is never stored in the
 * database, so a database backup alone opens nothing. It comes from {@value #KEY} (base64 of a Tink
 * JSON keyset), else the environment variable {@value #ENVIRONMENT_VARIABLE}, else the keyset file
 * {@value #KEY_FILE} (default {@value #DEFAULT_KEY_FILE}), which the embedded default generates on
 * first start. Under the {@code prod} profile nothing is generated: a KEK must be configured.
 *
 * <p>A keyset may hold several keys: the primary wraps, every key unwraps, which is how a rotation
 * re-wraps the data keys under a new primary while the old one still opens them ({@link KekRotation}).
 */
public final class KeyEncryptionKey implements DataKeyWrapping {

    public static final String KEY = "ledger.keys.kek";
    /** Not Spring's name for {@value #KEY} (that is LEDGER_KEYS_KEK, which works too), hence looked up by name. */
    public static final String ENVIRONMENT_VARIABLE = "LEDGER_KEK";

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
        return configuredFile(environment)
                .map(KeyEncryptionKey::fromFile)
                .orElseGet(() -> fromBase64(configuredKey(environment)));
    }

    /**
     * The keyset file the KEK comes from, or empty when {@value #KEY} or {@value #ENVIRONMENT_VARIABLE} sets it.
     *
     * @throws IllegalStateException under profile {@code prod} when neither a key nor an existing file
     *     is configured
     */
    static Optional<Path> configuredFile(Environment environment) {
        if (configuredKey(environment) != null) {
            return Optional.empty();
        }
        String keyFile = environment.getProperty(KEY_FILE);
        if (environment.acceptsProfiles(Profiles.of("prod"))
                && (keyFile == null || !Files.isRegularFile(Path.of(keyFile)))) {
            throw new IllegalStateException("profile prod needs a key-encryption key outside the database: set "
                    + KEY + " (LEDGER_KEK, base64 of a Tink JSON keyset) or " + KEY_FILE
                    + " to an existing keyset file");
        }
        return Optional.of(Path.of(keyFile == null ? DEFAULT_KEY_FILE : keyFile));
    }

    private static String configuredKey(Environment environment) {
        String key = environment.getProperty(KEY, environment.getProperty(ENVIRONMENT_VARIABLE, ""));
        return key.isBlank() ? null : key;
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

    @Override
    public long primaryKeyId() {
        return Integer.toUnsignedLong(keyset.getPrimary().getId());
    }

    /** This keyset with a freshly generated AES-256-GCM key added as primary; the old keys still unwrap. */
    KeyEncryptionKey withNewPrimary() {
        try {
            return new KeyEncryptionKey(KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key-encryption key", e);
        }
    }

    /** The keyset as Tink JSON, what a KEK file holds; {@value #KEY} holds its base64. */
    String toJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialize the key-encryption keyset", e);
        }
    }

    @Override
    public byte[] wrap(String clientId, KeysetHandle dataKey) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, aead, associatedData(clientId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the data key of a client", e);
        }
    }

    /** Any key of this keyset unwraps: the old keys open what was wrapped before a rotation. */
    @Override
    public KeysetHandle unwrap(String clientId, byte[] wrapped) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, associatedData(clientId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the data key of client " + clientId + " does not unwrap under the configured"
                            + " key-encryption key (another KEK, or the row was altered or moved)",
                    e);
        }
    }

    private static byte[] associatedData(String clientId) {
        return ("client data key\n" + clientId).getBytes(StandardCharsets.UTF_8);
    }

    /** The key is a secret: messages name the setting, never its value, and keep no cause that might quote it. */
    private static KeyEncryptionKey fromBase64(String base64) {
        byte[] json;
        try {
            json = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(KEY + " (LEDGER_KEK) is not base64 of a Tink JSON keyset");
        }
        try {
            return new KeyEncryptionKey(TinkJsonProtoKeysetFormat.parseKeyset(
                    new String(json, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException notAKeyset) {
            throw new IllegalStateException(KEY + " (LEDGER_KEK) is not base64 of a Tink JSON keyset of AEAD keys");
        }
    }

    private static KeyEncryptionKey parse(String json, String file) {
        try {
            return new KeyEncryptionKey(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException notAKeyset) {
            throw new IllegalStateException("the key-encryption key file " + file + " (" + KEY_FILE
                    + ") is not a Tink JSON keyset of AEAD keys");
        }
    }
}
