package coaching.ledger.platform.web;

import java.time.Duration;

/** Thrown when the caller should come back later: answered 429 with Retry-After (ProblemDetailsAdvice). */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
