package coaching.ledger.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAuthenticationProviderTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();

    /** Stands in for bcrypt: accepts only "demo", counts every check. */
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            bcryptChecks.incrementAndGet();
            if (!"demo".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    authentication.getName(), null, AuthorityUtils.createAuthorityList("ROLE_HR"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    @Test
    void aVerifiedCredentialIsNotHashedAgainWhileFresh() {
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(bcrypt, Duration.ofMinutes(1));
        Authentication first = provider.authenticate(login("hr-hana", "demo"));
        Authentication second = provider.authenticate(login("hr-hana", "demo"));
        assertThat(bcryptChecks).hasValue(1);
        assertThat(second.getName()).isEqualTo(first.getName());
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).as("the password is not kept").isNull();
    }

    @Test
    void aWrongPasswordOrAnotherUserIsAlwaysChecked() {
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(bcrypt, Duration.ofMinutes(1));
        provider.authenticate(login("hr-hana", "demo"));
        assertThatThrownBy(() -> provider.authenticate(login("hr-hana", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("hr-hana", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        provider.authenticate(login("other", "demo"));
        assertThat(bcryptChecks).hasValue(4);
    }

    @Test
    void anExpiredEntryIsCheckedAgain() {
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(bcrypt, Duration.ZERO);
        provider.authenticate(login("hr-hana", "demo"));
        provider.authenticate(login("hr-hana", "demo"));
        assertThat(bcryptChecks).hasValue(2);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
