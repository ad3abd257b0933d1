package coaching.ledger.command.selection;

import coaching.ledger.command.receipts.CommandSubmission;
import coaching.ledger.kernel.selection.ApproveBudget;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.SelectCoach;
import coaching.ledger.kernel.selection.ShortlistCoaches;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** Opening an engagement, shortlisting, the client's choice of coach and the boss's budget. */
@RestController
@RequestMapping("/api/v1/engagements")
class SelectionEndpoint {

    private final CommandSubmission submission;

    SelectionEndpoint(CommandSubmission submission) {
        this.submission = submission;
    }

    @PostMapping
    @PreAuthorize("hasRole('HR')")
    ResponseEntity<Object> open(@RequestBody OpenEngagement command) {
        return submission.onEngagement(command.engagementId(), command, null);
    }

    record Shortlist(List<String> coachIds) {}

    @PostMapping("/{engagementId}/shortlist")
    @PreAuthorize("hasRole('HR')")
    ResponseEntity<Object> shortlist(@PathVariable String engagementId, @RequestBody Shortlist body) {
        return submission.onEngagement(engagementId, new ShortlistCoaches(engagementId, body.coachIds()), null);
    }

    record Selection(String coachId) {}

    @PostMapping("/{engagementId}/coach-selection")
    @PreAuthorize("hasRole('CLIENT')")
    ResponseEntity<Object> select(@PathVariable String engagementId, @RequestBody Selection body) {
        return submission.onEngagement(engagementId, new SelectCoach(engagementId, body.coachId()), null);
    }

    record Budget(Integer sessions, BigDecimal amount, String currency) {}

    @PostMapping("/{engagementId}/budget-approval")
    @PreAuthorize("hasRole('BOSS')")
    ResponseEntity<Object> approveBudget(@PathVariable String engagementId, @RequestBody Budget body) {
        return submission.onEngagement(
                engagementId, new ApproveBudget(engagementId, body.sessions(), body.amount(), body.currency()), null);
    }
}
