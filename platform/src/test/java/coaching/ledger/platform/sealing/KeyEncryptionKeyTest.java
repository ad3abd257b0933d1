package coaching.ledger.platform.sealing;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the key-encryption key comes from (docs/operations.md, "Configuration"); never the database. */
class KeyEncryptionKeyTest {

    @TempDir
    Path directory;

    @Test
    void theConfiguredKeyWinsOverTheKeyFileAndNoFileIsMade() throws Exception {
        String key = TestKeks.newBase64();
        Path file = directory.resolve("keys/kek.json");
        MockEnvironment environment = new MockEnvironment()
                .withProperty(KeyEncryptionKey.KEY, key)
                .withProperty(KeyEncryptionKey.KEY_FILE, file.toString());

        assertThat(KeyEncryptionKey.fromEnvironment(environment).primaryKeyId())
                .isEqualTo(TestKeks.fromBase64(key).primaryKeyId());
        assertThat(file).doesNotExist();

        Files.createDirectories(file.getParent());
        Files.writeString(file, KeyEncryptionKey.newKeysetJson());
        assertThat(KeyEncryptionKey.fromEnvironment(environment).primaryKeyId())
                .isEqualTo(TestKeks.fromBase64(key).primaryKeyId())
                .isNotEqualTo(KeyEncryptionKey.fromFile(file).primaryKeyId());
    }

    @Test
    void theEnvironmentVariableLedgerKekSetsTheKey() {
        String key = TestKeks.newBase64();
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "env", Map.<String, Object>of(KeyEncryptionKey.ENVIRONMENT_VARIABLE, key)));
        environment.setActiveProfiles("prod");
        assertThat(KeyEncryptionKey.fromEnvironment(environment).primaryKeyId())
                .isEqualTo(TestKeks.fromBase64(key).primaryKeyId());
    }

    @Test
    void withoutAKeyAKeysetFileOnlyItsOwnerCanReadIsGeneratedOnceAndKept() throws Exception {
        Path file = directory.resolve("keys/kek.json");
        MockEnvironment environment = new MockEnvironment().withProperty(KeyEncryptionKey.KEY_FILE, file.toString());

        long first = KeyEncryptionKey.fromEnvironment(environment).primaryKeyId();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(KeyEncryptionKey.fromEnvironment(environment).primaryKeyId()).isEqualTo(first);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file); // no draft left behind
        }
    }

    @Test
    void processesRacingToGenerateTheKeysetFileAllEndWithTheSameOne() throws Exception {
        Path file = directory.resolve("kek.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> racers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                racers.add(() -> KeyEncryptionKey.fromFile(file).primaryKeyId());
            }
            List<Long> primaryKeyIds = new ArrayList<>();
            for (Future<Long> primaryKeyId : pool.invokeAll(racers)) {
                primaryKeyIds.add(primaryKeyId.get());
            }
            assertThat(primaryKeyIds)
                    .containsOnly(KeyEncryptionKey.fromFile(file).primaryKeyId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void profileProdRefusesToStartWithoutAConfiguredKeyAndGeneratesNothing() throws Exception {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("profile prod needs a key-encryption key")
                .hasMessageContaining(KeyEncryptionKey.KEY)
                .hasMessageContaining(KeyEncryptionKey.KEY_FILE);

        Path absent = directory.resolve("absent.json");
        environment.setProperty(KeyEncryptionKey.KEY_FILE, absent.toString());
        assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("profile prod needs a key-encryption key");
        assertThat(absent).doesNotExist();

        Path existing = directory.resolve("kek.json");
        Files.writeString(existing, KeyEncryptionKey.newKeysetJson());
        environment.setProperty(KeyEncryptionKey.KEY_FILE, existing.toString());
        assertThat(KeyEncryptionKey.fromEnvironment(environment).primaryKeyId())
                .isEqualTo(KeyEncryptionKey.fromFile(existing).primaryKeyId());

        String key = TestKeks.newBase64();
        environment.setProperty(KeyEncryptionKey.KEY, key);
        assertThat(KeyEncryptionKey.fromEnvironment(environment).primaryKeyId())
                .isEqualTo(TestKeks.fromBase64(key).primaryKeyId());
    }

    @Test
    void aMalformedKeyStopsTheStartNamingTheSettingNeverTheKey() {
        String json = KeyEncryptionKey.newKeysetJson();
        String truncated = Base64.getEncoder()
                .encodeToString(json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8));
        String deterministicKeyset =
                Base64.getEncoder().encodeToString(dataKeysetJson().getBytes(StandardCharsets.UTF_8));
        for (String malformed : List.of(json, truncated, deterministicKeyset, "not base64: " + json)) {
            MockEnvironment environment = new MockEnvironment().withProperty(KeyEncryptionKey.KEY, malformed);
            assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment(environment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(KeyEncryptionKey.KEY)
                    .satisfies(refusal -> {
                        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
                            assertThat(String.valueOf(cause.getMessage()))
                                    .doesNotContain(malformed)
                                    .doesNotContain(json.substring(0, 40));
                        }
                    });
        }
    }

    @Test
    void aMalformedKeysetFileStopsTheStartNamingTheFile() throws Exception {
        Path file = directory.resolve("kek.json");
        Files.writeString(file, "{\"primaryKeyId\": 1, \"key\": [");
        MockEnvironment environment = new MockEnvironment().withProperty(KeyEncryptionKey.KEY_FILE, file.toString());
        assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(KeyEncryptionKey.KEY_FILE)
                .hasNoCause();
    }

    /** A valid Tink keyset, but of the data keys' kind (AES-SIV), not one that can wrap. */
    private static String dataKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
