package coaching.ledger.command.disclosure;

import coaching.ledger.command.receipts.CommandSubmission;
import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Asking for an update, and sharing one under the client's consent (refused and recorded without it). */
@RestController
@RequestMapping("/api/v1/engagements/{engagementId}")
class DisclosureEndpoint {

    private final CommandSubmission submission;

    DisclosureEndpoint(CommandSubmission submission) {
        this.submission = submission;
    }

    record Request(
            String requestId, Scope scope, @Confidential String message) {

        @Override
        public String toString() {
            return Confidential.Text.of(this);
        }
    }

    @PostMapping("/update-requests")
    @PreAuthorize("hasAnyRole('BOSS', 'HR')")
    ResponseEntity<Object> request(@PathVariable String engagementId, @RequestBody Request body) {
        return submission.onEngagement(
                engagementId,
                new RequestUpdate(engagementId, body.requestId(), body.scope(), body.message()),
                "requestId");
    }

    record Update(
            String updateId,
            Audience audience,
            Scope scope,
            @Confidential String content) {

        @Override
        public String toString() {
            return Confidential.Text.of(this);
        }
    }

    @PostMapping("/updates")
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    ResponseEntity<Object> share(@PathVariable String engagementId, @RequestBody Update body) {
        return submission.onEngagement(
                engagementId,
                new ShareUpdate(engagementId, body.updateId(), body.audience(), body.scope(), body.content()),
                "updateId",
                DisclosureEndpoint::sharedOrRefused);
    }

    /** A refused disclosure is recorded, and answered 403 with its reason and the receipt's fields. */
    private static ResponseEntity<Object> sharedOrRefused(Receipt receipt, Map<String, Object> body) {
        if (!receipt.isRefused()) {
            return CommandSubmission.recordedOrRepeated(receipt, body);
        }
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.FORBIDDEN,
                "Disclosure refused",
                "no consent in force allows this update (" + receipt.refusal() + "); the attempt is recorded,"
                        + " its content is not");
        problem.setProperty("reason", receipt.refusal());
        body.forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
