package coaching.ledger.query.client;

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
@RequestMapping("/api/v1/client/engagements")
@PreAuthorize("hasRole('CLIENT')")
public class ClientViewEndpoint {

    private final ClientView view;

    public ClientViewEndpoint(ClientView view) {
        this.view = view;
    }

    /** The caller's own engagements as summaries; another client's never appear. */
    @GetMapping
    public List<ClientEngagementSummary> engagements() {
        return view.engagementsOf(CurrentActor.require().id());
    }

    /** Another client's engagement answers 404 like a missing one: its existence is not theirs to know. */
    @GetMapping("/{engagementId}")
    public ClientEngagement engagement(@PathVariable String engagementId) {
        LedgerIds.require("engagementId", engagementId);
        return view.engagementOf(CurrentActor.require().id(), engagementId)
                .orElseThrow(() -> Rejection.notFound("no such engagement: " + engagementId));
    }
}
