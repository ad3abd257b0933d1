package coaching.ledger.command.closure;

import coaching.ledger.command.receipts.CommandSubmission;
import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The client's satisfaction and the end of an engagement. */
@RestController
@RequestMapping("/api/v1/engagements/{engagementId}")
class ClosureEndpoint {

    private final CommandSubmission submission;

    ClosureEndpoint(CommandSubmission submission) {
        this.submission = submission;
    }

    record Satisfaction(Integer score, @Confidential String comment) {

        @Override
        public String toString() {
            return Confidential.Text.of(this);
        }
    }

    @PostMapping("/satisfaction")
    @PreAuthorize("hasRole('CLIENT')")
    ResponseEntity<Object> rate(@PathVariable String engagementId, @RequestBody Satisfaction body) {
        return submission.onEngagement(
                engagementId, new RecordSatisfaction(engagementId, body.score(), body.comment()), null);
    }

    record Closure(Outcome outcome, @Confidential String reason) {

        @Override
        public String toString() {
            return Confidential.Text.of(this);
        }
    }

    @PostMapping("/closure")
    @PreAuthorize("hasAnyRole('HR', 'BOSS')")
    ResponseEntity<Object> close(@PathVariable String engagementId, @RequestBody Closure body) {
        return submission.onEngagement(
                engagementId, new CloseEngagement(engagementId, body.outcome(), body.reason()), null);
    }
}
