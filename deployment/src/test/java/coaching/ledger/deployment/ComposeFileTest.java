package coaching.ledger.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as a real compose parser reads it (Debian's docker-compose, which bin/validate-compose
 * installs; the README's test command runs it first), and bin/validate-compose's checks of what the
 * deployment promises: Axon Server closed by access control and its token, no database or Axon Server
 * port on the host, no demo users. Each check is proven to fail on a file that breaks it.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of(System.getProperty("compose.file", "../docker-compose.yml"));
    private static final Path VALIDATE = Path.of("../bin/validate-compose");
    /** The operator's secrets: compose refuses to start without them; placeholders let it read the file. */
    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "LEDGER_DB_PASSWORD",
            "placeholder",
            "LEDGER_USERS_FILE",
            "/placeholder/users.properties",
            "LEDGER_AXONSERVER_TOKEN_FILE",
            "/placeholder/axonserver.token",
            "LEDGER_FINGERPRINT_KEY",
            "placeholder",
            "LEDGER_KEK",
            "placeholder",
            "LEDGER_CHECKPOINT_SIGNING_KEY",
            "placeholder");

    @TempDir
    Path directory;

    @Test
    @SuppressWarnings("unchecked")
    void isValidWithEveryServiceHealthCheckedAndAxonServerClosed() throws Exception {
        Run parsed = run(
                List.of("docker-compose", "-f", COMPOSE_FILE.toAbsolutePath().toString(), "config"));
        assertThat(parsed.exitCode()).as(parsed.output()).isZero();
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
                new Yaml().<Map<String, Object>>load(parsed.output()).get("services");
        assertThat(services).containsOnlyKeys("postgres", "axonserver", "command", "query");
        assertThat(services)
                .allSatisfy((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        assertThat(services.get("axonserver").get("image")).isEqualTo("docker.axoniq.io/axoniq/axonserver:2025.2.0");
        assertThat((Map<String, Object>) services.get("axonserver").get("environment"))
                .containsEntry("AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED", "true");
        assertThat(services.get("postgres")).doesNotContainKey("ports");
        assertThat(services.get("axonserver")).doesNotContainKey("ports");
        for (String client : List.of("command", "query")) {
            assertThat((Map<String, Object>) services.get(client).get("environment"))
                    .as(client)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "postgres,axonserver,prod")
                    .containsEntry("SPRING_CONFIG_IMPORT", "file:/config/users.properties,configtree:/run/secrets/")
                    .containsKey("LEDGER_FINGERPRINT_KEY")
                    .containsKey("LEDGER_KEK");
            assertThat((List<Map<String, Object>>) services.get(client).get("secrets"))
                    .as(client)
                    .containsExactly(Map.of("source", "axonserver-token", "target", "axon.axonserver.token"));
        }
        assertThat((Map<String, Object>) services.get("query").get("environment"))
                .containsKey("LEDGER_CHECKPOINT_SIGNING_KEY")
                .containsEntry("LEDGER_CHECKPOINTS_PUBLISH_DIR", "/checkpoints");
        Run validated = validate(COMPOSE_FILE);
        assertThat(validated.exitCode()).as(validated.output()).isZero();
    }

    /** Each row breaks one promise of the compose file; bin/validate-compose must refuse it, saying which. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a dependency condition compose does not know | condition: service_healthy | condition: service_sleepy | service_sleepy
            Axon Server without access control | AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED: "true" | AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED: "false" | access control
            the Axon Server HTTP port on the host | '    # no ports: 8024' | '    ports: ["8024:8024"]\n    # no ports: 8024' | axonserver must publish no port
            the PostgreSQL port on the host | '    volumes:\n      - postgres-data' | '    ports: ["5432:5432"]\n    volumes:\n      - postgres-data' | postgres must publish no port
            the query service without the token | '    secrets: *axonserver-client-token\n' | '' | query must hold the Axon Server token
            the demo users | postgres,axonserver,prod} | postgres,axonserver,demo} | no service may run with profile
            """)
    void validationRefuses(String broken, String original, String replacement, String reason) throws Exception {
        String file = Files.readString(COMPOSE_FILE);
        String from = original.replace("\\n", "\n");
        assertThat(file).as("the row must change the file").contains(from);
        Path brokenFile = directory.resolve("docker-compose.yml");
        Files.writeString(brokenFile, file.replace(from, replacement.replace("\\n", "\n")));
        Run validated = validate(brokenFile);
        assertThat(validated.exitCode()).as(validated.output()).isNotZero();
        assertThat(validated.output()).contains(reason);
    }

    private record Run(int exitCode, String output) {}

    private static Run validate(Path composeFile) throws IOException, InterruptedException {
        return run(List.of(
                "bash", VALIDATE.toString(), composeFile.toAbsolutePath().toString()));
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(PLACEHOLDERS);
        Process process;
        try {
            process = builder.start();
        } catch (IOException missing) {
            throw new AssertionError(
                    "cannot run " + command.get(0) + ": run bin/validate-compose (it installs docker-compose)",
                    missing);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
