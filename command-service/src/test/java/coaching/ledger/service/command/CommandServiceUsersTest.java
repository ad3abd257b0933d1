package coaching.ledger.service.command;

import coaching.ledger.platform.testing.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service never has the demo users unless profile 'demo' is activated: started as an operator would
 * start it without a users file, it refuses; with configured users it knows them alone, and describes
 * its API to them only. (The query service shares the rule: both run the platform's SecurityConfiguration.)
 */
class CommandServiceUsersTest {

    @Test
    void refusesToStartWithoutConfiguredUsersNamingTheProperty() {
        assertThatThrownBy(CommandServiceUsersTest::start).rootCause().hasMessageContaining("ledger.security.users");
    }

    @Test
    void knowsTheConfiguredUsersAloneAndDescribesItsApiToThem() {
        String password = "a-real-secret";
        try (ConfigurableApplicationContext context = start(
                "--ledger.security.users[0].id=hr-real",
                "--ledger.security.users[0].role=HR",
                "--ledger.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder().encode(password))) {
            LedgerHttp http = new LedgerHttp(
                    ((WebServerApplicationContext) context).getWebServer().getPort());
            Map<String, String> realUser = Map.of(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("hr-real:" + password).getBytes(StandardCharsets.UTF_8)));
            assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(401);
            assertThat(http.get("/v3/api-docs", "hr-hana").status())
                    .as("a demo user")
                    .isEqualTo(401);
            assertThat(http.get("/v3/api-docs", null, realUser).status()).isEqualTo(200);
        }
    }

    /** The service's own default profile ('postgres'), on an in-memory H2 instead of a PostgreSQL server. */
    private static ConfigurableApplicationContext start(String... users) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:users-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        args.addAll(Arrays.asList(users));
        return SpringApplication.run(CommandServiceApplication.class, args.toArray(String[]::new));
    }
}
