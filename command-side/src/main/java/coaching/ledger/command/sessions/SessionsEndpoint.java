package coaching.ledger.command.sessions;

import coaching.ledger.command.receipts.CommandSubmission;
import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.sessions.LogSession;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
class SessionsEndpoint {

    private final CommandSubmission submission;

    SessionsEndpoint(CommandSubmission submission) {
        this.submission = submission;
    }

    record Session(
            String sessionId,
            LocalDate heldOn,
            Integer durationMinutes,
            @Confidential String notes) {

        @Override
        public String toString() {
            return Confidential.Text.of(this);
        }
    }

    @PostMapping("/api/v1/engagements/{engagementId}/sessions")
    @PreAuthorize("hasRole('COACH')")
    ResponseEntity<Object> log(@PathVariable String engagementId, @RequestBody Session body) {
        return submission.onEngagement(
                engagementId,
                new LogSession(engagementId, body.sessionId(), body.heldOn(), body.durationMinutes(), body.notes()),
                "sessionId");
    }
}
