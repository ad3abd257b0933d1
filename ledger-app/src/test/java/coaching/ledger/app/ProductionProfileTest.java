package coaching.ledger.app;

import coaching.ledger.platform.audit.tlog.NoteSigner;
import coaching.ledger.platform.sealing.KeyEncryptionKey;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.SharedFingerprintKey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may sign in, by profile: ledger-app's default profile {@code demo} has the demo users and a public
 * API description; {@code prod} refuses {@code demo}, unhashed or {@code demo} passwords, a start
 * without users, without a fingerprint key, a key-encryption key or a checkpoint signing key, and asks for credentials
 * before it describes its API.
 */
class ProductionProfileTest {

    private static final String REAL_PASSWORD = "a-real-secret";
    private static final String KEK = "--ledger.keys.kek="
            + Base64.getEncoder()
                    .encodeToString(KeyEncryptionKey.newKeysetJson().getBytes(StandardCharsets.UTF_8));
    private static final String SIGNING_KEY = "--ledger.checkpoints.signing-key="
            + NoteSigner.generate("test.example/ledger").privateKeyText();

    @Test
    void theDefaultProfileHasTheDemoUsersAndAPublicApiDescription() {
        try (ConfigurableApplicationContext context = start(List.of())) {
            assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(context.getEnvironment().getDefaultProfiles()).containsExactly("demo");
            LedgerHttp http = new LedgerHttp(port(context));
            assertThat(http.get("/api/v1/hr/engagements", "hr-hana").status()).isEqualTo(200);
            assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
        }
    }

    @Test
    void prodNeverRunsWithTheDemoProfile() {
        assertThatThrownBy(() -> start(List.of("prod", "demo"), user("hr-real", hashed(REAL_PASSWORD))))
                .rootCause()
                .hasMessageContaining("profiles 'prod' and 'demo' are both active");
    }

    @Test
    void withoutDemoAndWithoutUsersItRefusesToStartNamingTheProperty() {
        assertThatThrownBy(() -> start(List.of("prod"))).rootCause().hasMessageContaining("ledger.security.users");
    }

    @Test
    void refusesADemoPasswordOrAPlainTextPassword() {
        assertThatThrownBy(() -> start(List.of("prod"), user("hr-real", hashed("demo"))))
                .rootCause()
                .hasMessageContaining("demo user or password");
        assertThatThrownBy(() -> start(List.of("prod"), user("hr-real", "{noop}s3cret-and-long")))
                .rootCause()
                .hasMessageContaining("hashed passwords");
    }

    @Test
    void startsWithHashedRealUsersOnlyAndDescribesItsApiToThemAlone() {
        try (ConfigurableApplicationContext context = start(List.of("prod"), user("hr-real", hashed(REAL_PASSWORD)))) {
            LedgerHttp http = new LedgerHttp(port(context));
            assertThat(http.get("/api/v1/hr/engagements", "hr-hana").status())
                    .as("a demo user")
                    .isEqualTo(401);
            Map<String, String> realUser = Map.of(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("hr-real:" + REAL_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            assertThat(http.get("/api/v1/hr/engagements", null, realUser).status())
                    .isEqualTo(200);
            for (String description : List.of("/v3/api-docs", "/swagger-ui.html")) {
                assertThat(http.get(description, null).status()).as(description).isEqualTo(401);
            }
            assertThat(http.get("/v3/api-docs", null, realUser).status()).isEqualTo(200);
            assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        }
    }

    @Test
    void prodRefusesToStartWithoutAConfiguredFingerprintKey() {
        assertThatThrownBy(() -> startProd(KEK, SIGNING_KEY))
                .rootCause()
                .hasMessageContaining("profile prod needs a fingerprint key");
    }

    @Test
    void prodRefusesToStartWithoutAKeyEncryptionKeyOutsideTheDatabase() {
        assertThatThrownBy(() -> startProd(SharedFingerprintKey.argument(), SIGNING_KEY))
                .rootCause()
                .hasMessageContaining("profile prod needs a key-encryption key")
                .hasMessageContaining("ledger.keys.kek");
    }

    @Test
    void prodRefusesToStartWithoutACheckpointSigningKeyOutsideTheDatabase() {
        assertThatThrownBy(() -> startProd(SharedFingerprintKey.argument(), KEK))
                .rootCause()
                .hasMessageContaining("profile prod needs a checkpoint signing key")
                .hasMessageContaining("ledger.checkpoints.signing-key");
    }

    /** prod with a real user, on a fresh in-memory H2, with only the given keys of the three it needs. */
    private static ConfigurableApplicationContext startProd(String... keys) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=prod",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        args.addAll(Arrays.asList(keys));
        args.addAll(Arrays.asList(user("hr-real", hashed(REAL_PASSWORD))));
        return SpringApplication.run(LedgerApplication.class, args.toArray(String[]::new));
    }

    private static String hashed(String password) {
        return "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
    }

    private static String[] user(String id, String password) {
        return new String[] {
            "--ledger.security.users[0].id=" + id,
            "--ledger.security.users[0].password=" + password,
            "--ledger.security.users[0].role=HR"
        };
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** ledger-app on a fresh in-memory H2; no profiles means ledger-app's default. */
    private static ConfigurableApplicationContext start(List<String> profiles, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:profiles-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                SharedFingerprintKey.argument(),
                KEK,
                SIGNING_KEY,
                "--ledger.checkpoints.publish-dir="
                        + Path.of(
                                "target",
                                "published-checkpoints",
                                UUID.randomUUID().toString())));
        if (!profiles.isEmpty()) {
            args.add("--spring.profiles.active=" + String.join(",", profiles));
        }
        args.addAll(Arrays.asList(extra));
        return SpringApplication.run(LedgerApplication.class, args.toArray(String[]::new));
    }
}
