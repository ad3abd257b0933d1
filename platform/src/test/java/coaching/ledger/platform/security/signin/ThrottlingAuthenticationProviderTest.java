package coaching.ledger.platform.security.signin;

import coaching.ledger.platform.security.CachingAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttle in front of the credential cache and bcrypt, as SecurityConfiguration composes them. */
class ThrottlingAuthenticationProviderTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final List<Object> audited = new ArrayList<>();
    private final SignInThrottleTest.MutableClock clock = new SignInThrottleTest.MutableClock();
    private final ThrottlingAuthenticationProvider provider = provider();

    private ThrottlingAuthenticationProvider provider() {
        PasswordEncoder real = new BCryptPasswordEncoder(4);
        PasswordEncoder bcrypt = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return real.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                return real.matches(raw, encoded);
            }
        };
        DaoAuthenticationProvider dao =
                new DaoAuthenticationProvider(new InMemoryUserDetailsManager(User.withUsername("alice")
                        .password(bcrypt.encode("right"))
                        .roles("CLIENT")
                        .build()));
        dao.setPasswordEncoder(bcrypt);
        return new ThrottlingAuthenticationProvider(
                new CachingAuthenticationProvider(dao, Duration.ofMinutes(2)),
                new SignInThrottle(SignInThrottleTest.SETTINGS, clock),
                audited::add);
    }

    @Test
    void aThrottledAttemptCostsNoBcryptCheckEvenWithTheRightPassword() {
        assertThat(provider.authenticate(attempt("alice", "right", "10.0.0.1")).isAuthenticated())
                .isTrue();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("alice", "wrong", "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int checks = bcryptChecks.get();

        for (String password : List.of("wrong", "right", "another guess")) {
            assertThatThrownBy(() -> provider.authenticate(attempt("alice", password, "10.0.0.2")))
                    .isInstanceOf(SignInThrottled.class)
                    .satisfies(
                            e -> assertThat(((SignInThrottled) e).retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        }
        assertThat(bcryptChecks.get()).isEqualTo(checks);
        assertThat(audited).hasSize(1).first().isInstanceOfSatisfying(AuditApplicationEvent.class, event -> {
            assertThat(event.getAuditEvent().getType()).isEqualTo(ThrottlingAuthenticationProvider.THROTTLED);
            assertThat(event.getAuditEvent().getPrincipal()).isEqualTo("alice");
            assertThat(event.getAuditEvent().getData())
                    .containsEntry(SecurityAudit.REMOTE_ADDRESS, "10.0.0.1")
                    .doesNotContainValue("wrong");
        });
    }

    @Test
    void aWrongPasswordOfACachedUserCountsAndTheRightOneForgives() {
        provider.authenticate(attempt("alice", "right", "10.0.0.1"));
        fail("alice", "wrong", 2);
        assertThat(provider.authenticate(attempt("alice", "right", "10.0.0.1")).isAuthenticated())
                .isTrue();
        fail("alice", "wrong", 2);

        assertThat(provider.authenticate(attempt("alice", "right", "10.0.0.1")).isAuthenticated())
                .isTrue();
        assertThat(audited).isEmpty();
    }

    private void fail(String user, String password, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt(user, password, "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private static Authentication attempt(String user, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }
}
