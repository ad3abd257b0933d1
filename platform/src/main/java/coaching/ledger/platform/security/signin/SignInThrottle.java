package coaching.ledger.platform.security.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Counts failed sign-ins per user name and per client address, and refuses further attempts of one that
 * failed too often for a growing while (SignInProperties). Nothing is locked for good: the longest wait
 * is the maximum backoff. Memory is bounded: each table keeps at most {@code trackedKeys} entries, and
 * Caffeine evicts the rarely used first, so a flood of made-up names or addresses pushes out other
 * made-up ones rather than a user under attack, whose entry is read on every attempt.
 * <p>
 * The counts live in this process: with several instances, each counts its own attempts.
 */
public final class SignInThrottle {

    public enum Scope {
        USER,
        ADDRESS
    }

    /** Why an attempt is refused, and for how much longer. */
    public record Refusal(Scope scope, Duration retryAfter) {}

    /** A failure that began a wait: the moment worth an audit row (attempts refused during it are not). */
    public record Block(Scope scope, String key, int failures, Duration backoff) {}

    private record Failures(int count, Instant last, Instant blockedUntil) {

        Instant forgottenAt(Duration window) {
            Instant quiet = last.plus(window);
            return blockedUntil != null && blockedUntil.isAfter(quiet) ? blockedUntil : quiet;
        }
    }

    private final SignInProperties settings;
    private final Clock clock;
    private final Cache<String, Failures> users;
    private final Cache<String, Failures> addresses;

    public SignInThrottle(SignInProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.users = table();
        this.addresses = table();
    }

    private Cache<String, Failures> table() {
        return Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .maximumWeight(settings.trackedKeys())
                .weigher((String key, Failures failures) -> 1 + key.length() / 64)
                .expireAfter(Expiry.writing((String key, Failures failures) ->
                        Duration.between(clock.instant(), failures.forgottenAt(settings.failureWindow()))))
                .build();
    }

    /** The longer of the user's and the address's waits, if either must still wait. */
    public Optional<Refusal> refusal(String user, String address) {
        Instant now = clock.instant();
        return Stream.of(wait(Scope.USER, users, user, now), wait(Scope.ADDRESS, addresses, address, now))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Refusal::retryAfter));
    }

    private static Optional<Refusal> wait(Scope scope, Cache<String, Failures> table, String key, Instant now) {
        Failures failures = key == null ? null : table.getIfPresent(key);
        if (failures == null
                || failures.blockedUntil() == null
                || !failures.blockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(scope, Duration.between(now, failures.blockedUntil())));
    }

    /** Counts a failed attempt; answers the waits it began. */
    public List<Block> failed(String user, String address) {
        Instant now = clock.instant();
        List<Block> blocks = new ArrayList<>(2);
        count(Scope.USER, users, user, settings.maxFailuresPerUser(), now).ifPresent(blocks::add);
        count(Scope.ADDRESS, addresses, address, settings.maxFailuresPerAddress(), now)
                .ifPresent(blocks::add);
        return blocks;
    }

    private Optional<Block> count(Scope scope, Cache<String, Failures> table, String key, int limit, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        Failures failures = table.asMap().compute(key, (k, before) -> {
            // an entry left alone for the failure window has expired, and counts as absent here
            int count = before == null ? 1 : before.count() + 1;
            Instant blockedUntil = count >= limit ? now.plus(settings.backoff(count - limit)) : null;
            return new Failures(count, now, blockedUntil);
        });
        return failures.blockedUntil() == null
                ? Optional.empty()
                : Optional.of(new Block(scope, key, failures.count(), Duration.between(now, failures.blockedUntil())));
    }

    /** User names and addresses remembered now (both tables). */
    long trackedKeys() {
        users.cleanUp();
        addresses.cleanUp();
        return users.estimatedSize() + addresses.estimatedSize();
    }

    /** The right password forgives the user name's failures (not the address's: one account must not clear it). */
    public void succeeded(String user) {
        users.invalidate(user);
    }
}
