package coaching.ledger.app;

import coaching.ledger.platform.testing.SharedFingerprintKey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 'prod' profile refuses to start with the demo users, unhashed passwords or without a fingerprint key. */
class ProductionProfileTest {

    @Test
    void refusesTheDemoUsers() {
        assertThatThrownBy(() -> start("--ledger.security.demo-users=true"))
                .rootCause().hasMessageContaining("refuses to start with demo users");
    }

    @Test
    void refusesADemoPasswordOrAPlainTextPassword() {
        String demoHash = "{bcrypt}" + new BCryptPasswordEncoder().encode("demo");
        assertThatThrownBy(() -> start(user("hr-real", demoHash)))
                .rootCause().hasMessageContaining("demo user or password");
        assertThatThrownBy(() -> start(user("hr-real", "{noop}s3cret-and-long")))
                .rootCause().hasMessageContaining("hashed passwords");
    }

    @Test
    void startsWithHashedRealUsers() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("a-real-secret");
        try (ConfigurableApplicationContext context = start(user("hr-real", hash))) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void refusesToStartWithoutAConfiguredFingerprintKey() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("a-real-secret");
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        args.addAll(Arrays.asList(user("hr-real", hash)));
        assertThatThrownBy(() -> SpringApplication.run(LedgerApplication.class, args.toArray(String[]::new)))
                .rootCause().hasMessageContaining("profile prod needs a fingerprint key");
    }

    private static String[] user(String id, String password) {
        return new String[]{"--ledger.security.users[0].id=" + id, "--ledger.security.users[0].password=" + password,
                "--ledger.security.users[0].role=HR"};
    }

    private static ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                SharedFingerprintKey.argument()));
        args.addAll(Arrays.asList(extra));
        return SpringApplication.run(LedgerApplication.class, args.toArray(String[]::new));
    }
}
