package coaching.ledger.platform.security.signin;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

import java.util.Map;

/**
 * Records each failed sign-in as {@code AUTHENTICATION_FAILURE} (in place of Boot's listener, which also
 * records every success: with HTTP Basic that is every request). Attempts refused by the throttle raise
 * no failure event; the wait they hit was recorded when it began.
 */
class FailedSignInAudit extends AbstractAuthenticationAuditListener {

    static final String FAILURE = "AUTHENTICATION_FAILURE";

    @Override
    public void onApplicationEvent(AbstractAuthenticationEvent event) {
        if (event instanceof AbstractAuthenticationFailureEvent failure) {
            String address = ThrottlingAuthenticationProvider.address(failure.getAuthentication());
            publish(new AuditEvent(
                    failure.getAuthentication().getName(),
                    FAILURE,
                    Map.of(
                            SecurityAudit.REMOTE_ADDRESS,
                            address == null ? "" : address,
                            SecurityAudit.DETAIL,
                            "wrong user name or password")));
        }
    }
}
