package coaching.ledger.platform.web;

import java.time.Duration;

/**
 * Thrown when what was asked for exists but is not ready yet (an event not sealed yet, no checkpoint
 * covering it yet): answered 503 with Retry-After (ProblemDetailsAdvice), so a client simply retries.
 */
public class NotYetAvailable extends RuntimeException {

    private final Duration retryAfter;

    public NotYetAvailable(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
