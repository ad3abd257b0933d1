package coaching.ledger.platform.security.signin;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.boot.actuate.security.AbstractAuthorizationAuditListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.event.AuthorizationEvent;

import java.time.Clock;

/** Sign-in throttling (SignInThrottle) and the durable audit of failed sign-ins (SecurityAudit). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
public class SignInConfiguration {

    @Bean
    public SignInThrottle signInThrottle(SignInProperties properties) {
        return new SignInThrottle(properties, Clock.systemUTC());
    }

    @Bean
    public AuditEventRepository securityAudit(JdbcTemplate jdbc, SignInProperties properties) {
        return new SecurityAudit(jdbc, properties.auditRetention(), Clock.systemUTC());
    }

    @Bean
    public AbstractAuthenticationAuditListener failedSignInAudit() {
        return new FailedSignInAudit();
    }

    /**
     * Denied requests are not audited here: Spring Security reports every request without credentials as
     * denied, and Boot's listener would write a row for each, which anyone could flood.
     */
    @Bean
    public AbstractAuthorizationAuditListener noAuthorizationAudit() {
        return new AbstractAuthorizationAuditListener() {
            @Override
            public void onApplicationEvent(AuthorizationEvent event) {}
        };
    }
}
