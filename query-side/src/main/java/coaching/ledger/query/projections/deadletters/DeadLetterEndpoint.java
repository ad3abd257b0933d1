package coaching.ledger.query.projections.deadletters;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A view's parked events, for the operator: list them, and apply them again once the cause is fixed. */
@RestController
@RequestMapping("/api/v1/admin/projections/{name}/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetterEndpoint {

    /** A listing shows at most this many events; {@code parked} still counts them all. */
    private static final int MAX_LISTED = 1_000;

    private final DeadLetterAdmin admin;

    public DeadLetterEndpoint(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    public ParkedEvents list(@PathVariable String name, @RequestParam(defaultValue = "100") int limit) {
        return admin.list(name, Math.max(1, Math.min(limit, MAX_LISTED)));
    }

    /** 200 with what happened: runs while the caller waits, one transaction per parked engagement. */
    @PostMapping("/retry")
    public RetryOutcome retry(@PathVariable String name) {
        return admin.retry(name);
    }
}
