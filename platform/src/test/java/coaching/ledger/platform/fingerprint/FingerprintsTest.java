package coaching.ledger.platform.fingerprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyed fingerprints and where their key comes from (docs/operations.md, "Configuration"). */
class FingerprintsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theSameValuesUnderTheSameKeyGiveTheSameFingerprint() {
        assertThat(new Fingerprints(KEY).of("notes", 60)).isEqualTo(new Fingerprints(KEY.clone()).of("notes", 60));
    }

    @Test
    void anotherKeyGivesAnotherFingerprintAndAnotherKeyId() {
        Fingerprints one = new Fingerprints(KEY);
        Fingerprints other = new Fingerprints(OTHER_KEY);
        assertThat(one.of("notes")).isNotEqualTo(other.of("notes"));
        assertThat(one.keyId()).isNotEqualTo(other.keyId()).hasSize(16);
    }

    @Test
    void aFingerprintIsNotThePlainHashOfItsContent() throws Exception {
        String plain =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TypedEncoding.of("notes")));
        assertThat(new Fingerprints(KEY).of("notes")).isNotEqualTo(plain).hasSize(64);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new Fingerprints(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConfiguredKeyIsUsed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(FingerprintKeys.KEY, Base64.getEncoder().encodeToString(KEY));
        assertThat(FingerprintKeys.fromEnvironment(environment).keyId()).isEqualTo(new Fingerprints(KEY).keyId());
    }

    @Test
    void theEnvironmentVariableSetsTheKey() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "env",
                        Map.<String, Object>of(
                                "LEDGER_FINGERPRINT_KEY", Base64.getEncoder().encodeToString(KEY))));
        assertThat(FingerprintKeys.fromEnvironment(environment).keyId()).isEqualTo(new Fingerprints(KEY).keyId());
    }

    @Test
    void aConfiguredKeyShorterThan32BytesStopsTheStart() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(FingerprintKeys.KEY, Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> FingerprintKeys.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32");
    }

    @Test
    void withoutAKeyAKeyFileOnlyItsOwnerCanReadIsGeneratedOnceAndKept(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("keys/fingerprint.key");
        MockEnvironment environment = new MockEnvironment().withProperty(FingerprintKeys.KEY_FILE, file.toString());

        String first = FingerprintKeys.fromEnvironment(environment).keyId();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(FingerprintKeys.fromEnvironment(environment).keyId()).isEqualTo(first);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file); // no draft left behind
        }
    }

    @Test
    void processesRacingToGenerateTheKeyAllEndWithTheSameOne(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("fingerprint.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> racers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                racers.add(() -> FingerprintKeys.fromFile(file).keyId());
            }
            List<String> keyIds = new ArrayList<>();
            for (Future<String> keyId : pool.invokeAll(racers)) {
                keyIds.add(keyId.get());
            }
            assertThat(keyIds).containsOnly(FingerprintKeys.fromFile(file).keyId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void profileProdRefusesToStartWithoutAConfiguredKey(@TempDir Path directory) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        assertThatThrownBy(() -> FingerprintKeys.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(FingerprintKeys.KEY);

        environment.setProperty(
                FingerprintKeys.KEY_FILE, directory.resolve("absent.key").toString());
        assertThatThrownBy(() -> FingerprintKeys.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class);
        assertThat(directory.resolve("absent.key")).doesNotExist();

        environment.setProperty(FingerprintKeys.KEY, Base64.getEncoder().encodeToString(KEY));
        assertThat(FingerprintKeys.fromEnvironment(environment).keyId()).isEqualTo(new Fingerprints(KEY).keyId());
    }
}
