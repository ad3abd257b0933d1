package coaching.ledger.query.coach;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.platform.security.CurrentActor;
import coaching.ledger.query.web.LedgerIds;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/coach/engagements")
@PreAuthorize("hasRole('COACH')")
public class CoachViewEndpoint {

    private final CoachView view;

    public CoachViewEndpoint(CoachView view) {
        this.view = view;
    }

    @GetMapping
    public List<CoachEngagement> engagements() {
        return view.engagementsOf(CurrentActor.require().id());
    }

    /** A coach who was not selected (only shortlisted, or a stranger) gets 404: it is not theirs to know. */
    @GetMapping("/{engagementId}")
    public CoachEngagement engagement(@PathVariable String engagementId) {
        LedgerIds.require("engagementId", engagementId);
        return view.engagementOf(CurrentActor.require().id(), engagementId)
                .orElseThrow(() -> Rejection.notFound("no such engagement: " + engagementId));
    }
}
