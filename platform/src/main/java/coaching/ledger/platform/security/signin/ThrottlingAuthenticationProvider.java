package coaching.ledger.platform.security.signin;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.Map;

/**
 * Asks the throttle before anything else, so a refused attempt costs neither a cache lookup nor bcrypt,
 * and cannot test a guess against credentials the cache remembers. A wrong password counts as a failure
 * whether or not the user's right one is cached (the cache only knows the right one). The address is the
 * request's remote address: a proxy's own unless the operator trusts its forwarded headers
 * ({@code server.forward-headers-strategy}, docs/operations.md, "Configuration").
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    /** The audit type of a failure that began a wait (one row per wait, not per refused attempt). */
    public static final String THROTTLED = "AUTHENTICATION_THROTTLED";

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    public ThrottlingAuthenticationProvider(
            AuthenticationProvider delegate, SignInThrottle throttle, ApplicationEventPublisher events) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String user = attempt.getName();
        String address = address(attempt);
        var refusal = throttle.refusal(user, address);
        if (refusal.isPresent()) {
            throw new SignInThrottled(refusal.get().retryAfter());
        }
        Authentication result;
        try {
            result = delegate.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            throttle.failed(user, address)
                    .forEach(block -> events.publishEvent(new AuditApplicationEvent(
                            user,
                            THROTTLED,
                            Map.of(
                                    SecurityAudit.REMOTE_ADDRESS,
                                    address == null ? "" : address,
                                    SecurityAudit.DETAIL,
                                    "%s %s refused for %d s after %d failures"
                                            .formatted(
                                                    block.scope() == SignInThrottle.Scope.USER ? "user" : "address",
                                                    block.key(),
                                                    block.backoff().toSeconds(),
                                                    block.failures())))));
            throw wrong;
        }
        if (result != null && result.isAuthenticated()) {
            throttle.succeeded(user);
        }
        return result;
    }

    static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
