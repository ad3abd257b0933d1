package coaching.ledger.baseline.sharing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code POST /api/v1/engagements/{engagementId}/updates}, answered as the ledger answers it (docs/http-api.md). */
@RestController
class ShareUpdateController {

    private final ShareUpdateService sharing;

    ShareUpdateController(ShareUpdateService sharing) {
        this.sharing = sharing;
    }

    @PostMapping(path = "/api/v1/engagements/{engagementId}/updates", consumes = "application/json")
    ResponseEntity<?> share(@PathVariable String engagementId, @RequestBody ShareUpdate share, Authentication caller) {
        Map<String, String> problems = share.problems();
        if (!problems.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is not valid");
            problem.setTitle("Bad request");
            problem.setProperty(
                    "errors",
                    problems.entrySet().stream()
                            .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue()))
                            .toList());
            return ResponseEntity.of(problem).build();
        }
        ShareOutcome outcome = sharing.share(engagementId, share, caller.getName());
        if (outcome instanceof ShareOutcome.Shared shared) {
            // a repeat answers the same body with 200, as the ledger's receipts do
            return ResponseEntity.status(shared.repeat() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(Map.of("engagementId", shared.engagementId(), "updateId", shared.updateId()));
        }
        ShareOutcome.Refused refused = (ShareOutcome.Refused) outcome;
        ProblemDetail problem = ProblemDetail.forStatus(refused.status());
        problem.setTitle(refused.title());
        problem.setProperty("reason", refused.reason());
        problem.setProperty("engagementId", engagementId);
        problem.setProperty("updateId", share.updateId());
        return ResponseEntity.of(problem).build();
    }
}
