package coaching.ledger.platform.security.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How failed sign-ins are throttled and audited (docs/operations.md, "Configuration"). A user name (known or not)
 * with {@code maxFailuresPerUser} failures, or an address with {@code maxFailuresPerAddress}, each less
 * than {@code failureWindow} after the one before, is refused for {@code firstBackoff}, twice as long
 * after each further failure, at most {@code maxBackoff}; a window without failures forgets them.
 * {@code trackedKeys} bounds the memory of user names and addresses each (a name longer than 64
 * characters counts as several). Failures are kept in the audit table for {@code auditRetention}.
 */
@ConfigurationProperties("ledger.security.sign-in")
public record SignInProperties(
        int maxFailuresPerUser,
        int maxFailuresPerAddress,
        Duration failureWindow,
        Duration firstBackoff,
        Duration maxBackoff,
        long trackedKeys,
        Duration auditRetention) {

    public SignInProperties {
        maxFailuresPerUser = maxFailuresPerUser > 0 ? maxFailuresPerUser : 5;
        maxFailuresPerAddress = maxFailuresPerAddress > 0 ? maxFailuresPerAddress : 20;
        failureWindow = failureWindow != null ? failureWindow : Duration.ofMinutes(15);
        firstBackoff = firstBackoff != null ? firstBackoff : Duration.ofSeconds(30);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofMinutes(15);
        trackedKeys = trackedKeys > 0 ? trackedKeys : 100_000;
        auditRetention = auditRetention != null ? auditRetention : Duration.ofDays(90);
    }

    /** {@code firstBackoff} after the failure that reached the limit, doubled for each one after it. */
    Duration backoff(int failuresBeyondLimit) {
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(failuresBeyondLimit, 30));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
