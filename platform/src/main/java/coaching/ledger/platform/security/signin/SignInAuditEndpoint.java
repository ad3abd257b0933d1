package coaching.ledger.platform.security.signin;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Failed sign-ins and the waits they began, newest 1,000 at most, for administrators and compliance. */
@RestController
class SignInAuditEndpoint {

    record Entry(Instant at, String user, String type, String remoteAddress, String detail) {}

    private final AuditEventRepository audit;

    SignInAuditEndpoint(AuditEventRepository audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/sign-in-audit")
    @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE')")
    List<Entry> failures(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant after,
            @RequestParam(required = false) String user) {
        return audit.find(user, after, null).stream()
                .map(event -> new Entry(
                        event.getTimestamp(),
                        event.getPrincipal(),
                        event.getType(),
                        (String) event.getData().get(SecurityAudit.REMOTE_ADDRESS),
                        (String) event.getData().get(SecurityAudit.DETAIL)))
                .toList();
    }
}
