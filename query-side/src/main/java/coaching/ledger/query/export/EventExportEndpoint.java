package coaching.ledger.query.export;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.platform.audit.ConditionalOnAudit;
import coaching.ledger.query.web.RunsPerRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * {@code GET /api/v1/events?after=&limit=}: the history for integrators, one JSON event a line.
 * Resume with {@code after} = the last globalIndex you received. At most
 * {@code ledger.export.max-concurrent-per-role} exports run at once per role; more answer 429.
 */
@RestController
@ConditionalOnAudit
class EventExportEndpoint {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 100_000;

    private final EventExport export;
    private final RunsPerRole running;

    EventExportEndpoint(
            EventExport export,
            @Value("${ledger.export.max-concurrent-per-role}") int perRole,
            @Value("${ledger.long-reads.retry-after}") Duration retryAfter) {
        this.export = export;
        this.running = new RunsPerRole("exports", perRole, retryAfter);
    }

    @GetMapping("/api/v1/events")
    @PreAuthorize("hasAnyRole('INTEGRATOR', 'COMPLIANCE')")
    ResponseEntity<StreamingResponseBody> events(
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit,
            Authentication caller) {
        long from = after == null ? 0 : after;
        int count = limit == null ? DEFAULT_LIMIT : limit;
        if (from < 0) {
            throw Rejection.invalid("after", "must be a global index of 0 or more");
        }
        if (count < 1 || count > MAX_LIMIT) {
            throw Rejection.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Runnable release = running.start(caller);
        StreamingResponseBody body = out -> {
            try {
                export.write(from, count, out);
            } catch (UncheckedIOException e) {
                // as the IOException it is: Spring ends a request whose client went away without an error log
                throw e.getCause();
            } finally {
                release.run();
            }
        };
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
