package coaching.ledger.query.compliance;

import coaching.ledger.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verification, the export and the signed log (checkpoints, proofs, receipts) read Axon's JDBC event tables;
 * with Axon Server holding the events (audit off) they say so with 501 instead of a bare 404.
 */
@RestController
@ConditionalOnProperty(name = "ledger.audit.enabled", havingValue = "false")
class AuditUnavailableEndpoint {

    @GetMapping({"/api/v1/compliance/verification", "/api/v1/events"})
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'INTEGRATOR')")
    ProblemDetail unavailable() {
        return ProblemResponses.problem(
                HttpStatus.NOT_IMPLEMENTED,
                "Not available",
                "verification and the event export read the JDBC event store; this ledger stores its events in"
                        + " Axon Server, where they are not available");
    }

    @GetMapping({
        "/api/v1/log/checkpoint",
        "/api/v1/log/public-key",
        "/api/v1/log/proof/consistency",
        "/api/v1/client/engagements/{engagementId}/disclosures/{updateId}/receipt",
        "/api/v1/compliance/disclosures/{eventId}/receipt"
    })
    @PreAuthorize("isAuthenticated()")
    ProblemDetail noSignedLog() {
        return ProblemResponses.problem(
                HttpStatus.NOT_IMPLEMENTED,
                "Not available",
                "the signed log is built from the JDBC event store; this ledger stores its events in Axon Server,"
                        + " where they are not available");
    }
}
