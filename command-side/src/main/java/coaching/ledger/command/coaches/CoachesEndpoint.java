package coaching.ledger.command.coaches;

import coaching.ledger.command.receipts.CommandSubmission;
import coaching.ledger.kernel.coaches.RegisterCoach;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CoachesEndpoint {

    private final CommandSubmission submission;

    CoachesEndpoint(CommandSubmission submission) {
        this.submission = submission;
    }

    @PostMapping("/api/v1/coaches")
    @PreAuthorize("hasRole('HR')")
    ResponseEntity<Object> register(@RequestBody RegisterCoach command) {
        return submission.standalone(command, "coachId");
    }
}
