package coaching.ledger.platform.security.signin;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** An attempt refused unchecked: its user name or address failed too often lately (429, Retry-After). */
public class SignInThrottled extends AuthenticationException {

    private final Duration retryAfter;

    public SignInThrottled(Duration retryAfter) {
        super("too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
