package coaching.ledger.query.web;

import coaching.ledger.platform.web.TooManyRequests;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunsPerRoleTest {

    private final RunsPerRole exports = new RunsPerRole("exports", 2, Duration.ofSeconds(5));

    @Test
    void aRoleRunsUpToItsCapAndAnotherRoleHasItsOwnSlots() {
        Runnable first = exports.start(user("integrator-ivy", "ROLE_INTEGRATOR"));
        exports.start(user("integrator-ian", "ROLE_INTEGRATOR"));
        assertThatThrownBy(() -> exports.start(user("integrator-ivy", "ROLE_INTEGRATOR")))
                .isInstanceOfSatisfying(TooManyRequests.class, busy -> {
                    assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(busy.getMessage())
                            .isEqualTo("2 exports of role INTEGRATOR are running already; try again later");
                });
        exports.start(user("compliance-cy", "ROLE_COMPLIANCE"));

        first.run();
        first.run();
        exports.start(user("integrator-ivy", "ROLE_INTEGRATOR"));
        assertThatThrownBy(() -> exports.start(user("integrator-ivy", "ROLE_INTEGRATOR")))
                .as("releasing twice frees one slot only")
                .isInstanceOf(TooManyRequests.class);
    }

    private static Authentication user(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.createAuthorityList(role));
    }
}
