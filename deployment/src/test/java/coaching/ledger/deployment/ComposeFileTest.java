package coaching.ledger.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as a real compose parser reads it: Debian's docker-compose, which
 * bin/validate-compose installs (the README's test command runs it first).
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of(System.getProperty("compose.file", "../docker-compose.yml"));

    @TempDir
    Path directory;

    @Test
    @SuppressWarnings("unchecked")
    void isValidWithEveryServiceHealthCheckedAndAxonServerPinned() throws Exception {
        Parsed parsed = config(COMPOSE_FILE);
        assertThat(parsed.exitCode()).as(parsed.output()).isZero();
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
                new Yaml().<Map<String, Object>>load(parsed.output()).get("services");
        assertThat(services).containsOnlyKeys("postgres", "axonserver", "command", "query");
        assertThat(services).allSatisfy((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        assertThat(services.get("axonserver").get("image")).isEqualTo("docker.axoniq.io/axoniq/axonserver:2025.2.0");
        assertThat((Map<String, Object>) services.get("command").get("environment"))
                .containsEntry("SPRING_PROFILES_ACTIVE", "postgres,axonserver,prod")
                .containsEntry("LEDGER_SECURITY_DEMO_USERS", "false")
                .containsEntry("LEDGER_FINGERPRINT_KEY", "placeholder");
    }

    /** Proves the check can fail: a dependency condition compose does not know. */
    @Test
    void rejectsAnInvalidFile() throws Exception {
        Path broken = directory.resolve("docker-compose.yml");
        Files.writeString(broken, Files.readString(COMPOSE_FILE).replace("condition: service_healthy",
                "condition: service_sleepy"));
        Parsed parsed = config(broken);
        assertThat(parsed.exitCode()).as(parsed.output()).isNotZero();
    }

    private record Parsed(int exitCode, String output) {
    }

    private static Parsed config(Path file) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", file.toAbsolutePath().toString(), "config")
                .redirectErrorStream(true);
        builder.environment().put("LEDGER_DB_PASSWORD", "placeholder");
        builder.environment().put("LEDGER_FINGERPRINT_KEY", "placeholder");
        Process process;
        try {
            process = builder.start();
        } catch (IOException missing) {
            throw new AssertionError("docker-compose is not installed: run bin/validate-compose (it installs it)", missing);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Parsed(process.exitValue(), output);
    }
}
