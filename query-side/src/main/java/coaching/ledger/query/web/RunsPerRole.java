package coaching.ledger.query.web;

import coaching.ledger.platform.web.TooManyRequests;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.time.Duration;
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

    /**
     * Takes a free slot of the caller's role; running the answer releases it (more than once does no
     * harm). Throws TooManyRequests (429) when the role's slots are all taken.
     */
    public Runnable start(Authentication caller) {
        String role = role(caller);
        Semaphore semaphore = slots.computeIfAbsent(role, any -> new Semaphore(perRole));
        if (!semaphore.tryAcquire()) {
            throw new TooManyRequests(
                    perRole + " " + what + " of role " + role.replace("ROLE_", "")
                            + " are running already; try again later",
                    retryAfter);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        };
    }

    private static String role(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .sorted()
                .findFirst()
                .orElse("ROLE_NONE");
    }
}
