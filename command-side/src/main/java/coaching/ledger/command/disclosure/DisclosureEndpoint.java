package coaching.ledger.command.disclosure;

import coaching.ledger.command.CommandSubmission;
import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Asking for an update, and sharing one under the client's consent (refused and recorded without it). */
@RestController
@RequestMapping("/api/v1/engagements/{engagementId}")
class DisclosureEndpoint {

    private final CommandSubmission submission;

    DisclosureEndpoint(CommandSubmission submission) {
        this.submission = submission;
    }

    record Request(String requestId, Scope scope, @Confidential String message) {

        @Override
        public String toString() {
            return Confidential.Text.of(this);
        }
    }

    @PostMapping("/update-requests")
    @PreAuthorize("hasAnyRole('BOSS', 'HR')")
    ResponseEntity<Object> request(@PathVariable String engagementId, @RequestBody Request body) {
        return submission.onEngagement(engagementId,
                new RequestUpdate(engagementId, body.requestId(), body.scope(), body.message()), "requestId");
    }

    record Update(String updateId, Audience audience, Scope scope, @Confidential String content) {

        @Override
        public String toString() {
            return Confidential.Text.of(this);
        }
    }

    @PostMapping("/updates")
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    ResponseEntity<Object> share(@PathVariable String engagementId, @RequestBody Update body) {
        return submission.onEngagement(engagementId,
                new ShareUpdate(engagementId, body.updateId(), body.audience(), body.scope(), body.content()),
                "updateId");
    }
}
