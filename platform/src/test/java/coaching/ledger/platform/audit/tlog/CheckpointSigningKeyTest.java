package coaching.ledger.platform.audit.tlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the checkpoint signing key comes from; never the database. */
class CheckpointSigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void withoutAKeyAKeyFileNamedAfterTheOriginIsGeneratedOnceAndReused() throws Exception {
        Path file = directory.resolve("keys/checkpoint-signing.key");
        MockEnvironment environment = new MockEnvironment()
                .withProperty(CheckpointSigningKey.KEY_FILE, file.toString())
                .withProperty(CheckpointSigningKey.ORIGIN, "ledger.example/acme");

        NoteSigner first = CheckpointSigningKey.fromEnvironment(environment);

        assertThat(first.name()).isEqualTo("ledger.example/acme");
        assertThat(Files.readString(file)).isEqualTo(first.privateKeyText() + "\n");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(CheckpointSigningKey.fromEnvironment(environment).verifierKey())
                .isEqualTo(first.verifierKey());
    }

    @Test
    void theDefaultKeyNameIsTheDefaultOrigin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        CheckpointSigningKey.KEY_FILE,
                        directory.resolve("signing.key").toString());

        assertThat(CheckpointSigningKey.fromEnvironment(environment).name()).isEqualTo("localhost/engagement-ledger");
    }

    @Test
    void theConfiguredKeyWinsAndNoFileIsMade() {
        NoteSigner configured = NoteSigner.generate("ledger.example/acme");
        Path file = directory.resolve("signing.key");
        MockEnvironment environment = new MockEnvironment()
                .withProperty(CheckpointSigningKey.KEY, configured.privateKeyText())
                .withProperty(CheckpointSigningKey.KEY_FILE, file.toString());

        assertThat(CheckpointSigningKey.fromEnvironment(environment).verifierKey())
                .isEqualTo(configured.verifierKey());
        assertThat(file).doesNotExist();
    }

    @Test
    void theEnvironmentVariableSetsTheKeyEvenUnderProd() {
        NoteSigner configured = NoteSigner.generate("ledger.example/acme");
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "env",
                        Map.<String, Object>of(
                                CheckpointSigningKey.ENVIRONMENT_VARIABLE, configured.privateKeyText())));
        environment.setActiveProfiles("prod");

        assertThat(CheckpointSigningKey.fromEnvironment(environment).verifierKey())
                .isEqualTo(configured.verifierKey());
    }

    @Test
    void prodWithoutAKeyRefusesToStartAndGeneratesNothing() {
        Path file = directory.resolve("signing.key");
        MockEnvironment environment =
                new MockEnvironment().withProperty(CheckpointSigningKey.KEY_FILE, file.toString());
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> CheckpointSigningKey.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CheckpointSigningKey.KEY)
                .hasMessageContaining(CheckpointSigningKey.ENVIRONMENT_VARIABLE)
                .hasMessageContaining(CheckpointSigningKey.KEY_FILE);
        assertThat(file).doesNotExist();
    }

    @Test
    void prodWithAnExistingKeyFileUsesIt() throws Exception {
        NoteSigner configured = NoteSigner.generate("ledger.example/acme");
        Path file = Files.writeString(directory.resolve("signing.key"), configured.privateKeyText() + "\n");
        MockEnvironment environment =
                new MockEnvironment().withProperty(CheckpointSigningKey.KEY_FILE, file.toString());
        environment.setActiveProfiles("prod");

        assertThat(CheckpointSigningKey.fromEnvironment(environment).verifierKey())
                .isEqualTo(configured.verifierKey());
    }

    @Test
    void aBrokenKeyIsRefusedWithoutQuotingIt() {
        String broken =
                NoteSigner.generate("ledger.example/acme").privateKeyText().replace("+A", "+B");
        MockEnvironment environment = new MockEnvironment().withProperty(CheckpointSigningKey.KEY, broken);

        assertThatThrownBy(() -> CheckpointSigningKey.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CheckpointSigningKey.KEY)
                .hasMessageNotContaining(broken.substring(broken.lastIndexOf('+') + 1));
    }
}
