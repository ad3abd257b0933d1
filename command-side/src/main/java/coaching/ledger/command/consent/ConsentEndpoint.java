package coaching.ledger.command.consent;

import coaching.ledger.command.receipts.CommandSubmission;
import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.GrantUpdateConsent;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Set;

/** The client's consents to updates for their boss or HR. */
@RestController
@RequestMapping("/api/v1/engagements/{engagementId}/consents")
class ConsentEndpoint {

    private final CommandSubmission submission;
    private final String currentNoticeVersion;

    /** A client that does not say which notice it showed gets the one the ledger currently publishes. */
    ConsentEndpoint(
            CommandSubmission submission,
            @Value("${ledger.consent.notice-version:2026-11}") String currentNoticeVersion) {
        this.submission = submission;
        this.currentNoticeVersion = currentNoticeVersion;
    }

    record Grant(
            String consentId,
            Audience audience,
            Set<Scope> scopes,
            Instant validUntil,
            String purpose,
            String noticeVersion) {}

    @PostMapping
    @PreAuthorize("hasRole('CLIENT')")
    ResponseEntity<Object> grant(@PathVariable String engagementId, @RequestBody Grant body) {
        return submission.onEngagement(
                engagementId,
                new GrantUpdateConsent(
                        engagementId,
                        body.consentId(),
                        body.audience(),
                        body.scopes(),
                        body.validUntil(),
                        body.purpose(),
                        body.noticeVersion() != null ? body.noticeVersion() : currentNoticeVersion),
                "consentId");
    }

    record Revocation(@Confidential String reason) {

        @Override
        public String toString() {
            return Confidential.Text.of(this);
        }
    }

    @PostMapping("/{consentId}/revocation")
    @PreAuthorize("hasRole('CLIENT')")
    ResponseEntity<Object> revoke(
            @PathVariable String engagementId,
            @PathVariable String consentId,
            @RequestBody(required = false) Revocation body) {
        String reason = body == null ? null : body.reason();
        return submission.onEngagement(
                engagementId, new RevokeUpdateConsent(engagementId, consentId, reason), "consentId");
    }
}
