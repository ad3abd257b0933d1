package coaching.ledger.platform.security.signin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    /** 3 per user, 5 per address, 10 min window, 30 s first wait, 2 min at most. */
    static final SignInProperties SETTINGS = new SignInProperties(
            3, 5, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(2), 1000, Duration.ofDays(1));

    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(SETTINGS, clock);

    @Test
    void theFailureThatReachesTheLimitBeginsAWaitThatGrowsUpToTheCap() {
        fail("mallory", "10.0.0.1", 2);
        assertThat(throttle.refusal("mallory", "10.0.0.1")).isEmpty();

        assertThat(throttle.failed("mallory", "10.0.0.1"))
                .containsExactly(
                        new SignInThrottle.Block(SignInThrottle.Scope.USER, "mallory", 3, Duration.ofSeconds(30)));
        assertThat(throttle.refusal("mallory", "10.0.0.2"))
                .contains(new SignInThrottle.Refusal(SignInThrottle.Scope.USER, Duration.ofSeconds(30)));

        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.refusal("mallory", "10.0.0.2")).isEmpty();
        assertThat(throttle.failed("mallory", "10.0.0.2").get(0).backoff()).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.failed("mallory", "10.0.0.3").get(0).backoff()).isEqualTo(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(121));
        assertThat(throttle.failed("mallory", "10.0.0.4").get(0).backoff()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aQuietWindowForgetsTheFailures() {
        fail("mallory", "10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(11));
        assertThat(throttle.failed("mallory", "10.0.0.1")).isEmpty();
        assertThat(throttle.refusal("mallory", "10.0.0.1")).isEmpty();
    }

    @Test
    void successForgivesTheUserButNotTheAddress() {
        fail("alice", "10.0.0.1", 2);
        throttle.succeeded("alice");
        fail("alice", "10.0.0.1", 2);
        assertThat(throttle.refusal("alice", "10.0.0.9")).isEmpty();

        assertThat(throttle.failed("alice", "10.0.0.1"))
                .extracting(SignInThrottle.Block::scope)
                .containsExactly(SignInThrottle.Scope.USER, SignInThrottle.Scope.ADDRESS);
    }

    @Test
    void oneAddressTryingManyNamesWaitsAndOtherUsersElsewhereDoNot() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("name-" + i, "10.0.0.66")).isEmpty();
        }
        assertThat(throttle.failed("name-4", "10.0.0.66"))
                .extracting(SignInThrottle.Block::scope)
                .containsExactly(SignInThrottle.Scope.ADDRESS);

        assertThat(throttle.refusal("anyone", "10.0.0.66"))
                .map(SignInThrottle.Refusal::scope)
                .contains(SignInThrottle.Scope.ADDRESS);
        assertThat(throttle.refusal("anyone", "10.0.0.1")).isEmpty();
        assertThat(throttle.refusal("name-0", "10.0.0.1")).isEmpty();
    }

    @Test
    void memoryStaysBoundedWhileNamesAndAddressesVary() {
        for (int i = 0; i < 20_000; i++) {
            throttle.failed("name-" + i + "x".repeat(i % 200), "10.1." + (i / 256) + "." + (i % 256));
        }
        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(2 * SETTINGS.trackedKeys());
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.failed(user, address)).isEmpty();
        }
    }

    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
