package coaching.ledger.query.support;

import coaching.ledger.platform.web.ProblemResponses;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cap on how many runs of one long read (an export, a verification) go on at once per role, so one
 * party's clients cannot take every worker and database connection the others need. Beyond the cap
 * the caller gets 429 with Retry-After. A JDK semaphore per role is all it takes; a rate-limiting
 * library would count requests per time, not runs in progress.
 */
public final class RunsPerRole {

    private final String what;
    private final int perRole;
    private final Duration retryAfter;
    private final ConcurrentMap<String, Semaphore> slots = new ConcurrentHashMap<>();

    public RunsPerRole(String what, int perRole, Duration retryAfter) {
        this.what = what;
        this.perRole = perRole;
        this.retryAfter = retryAfter;
    }

    /** A free slot of the caller's role, released by running the answer (more than once does no harm). */
    public Optional<Runnable> start(Authentication caller) {
        Semaphore semaphore = slots.computeIfAbsent(role(caller), role -> new Semaphore(perRole));
        if (!semaphore.tryAcquire()) {
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        });
    }

    /** The answer when {@link #start} found no free slot. */
    public ResponseEntity<ProblemDetail> busy(Authentication caller) {
        return ProblemResponses.tooManyRequests(perRole + " " + what + " of role " + role(caller).replace("ROLE_", "")
                + " are running already; try again later", retryAfter);
    }

    private static String role(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .sorted().findFirst().orElse("ROLE_NONE");
    }
}
