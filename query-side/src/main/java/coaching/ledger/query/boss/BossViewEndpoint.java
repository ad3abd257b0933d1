package coaching.ledger.query.boss;

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
@RequestMapping("/api/v1/boss/engagements")
@PreAuthorize("hasRole('BOSS')")
public class BossViewEndpoint {

    private final BossView view;

    public BossViewEndpoint(BossView view) {
        this.view = view;
    }

    @GetMapping
    public List<BossEngagement> engagements() {
        return view.engagementsOf(CurrentActor.require().id());
    }

    /** Another boss's engagement answers 404 like a missing one: its existence is not theirs to know. */
    @GetMapping("/{engagementId}")
    public BossEngagement engagement(@PathVariable String engagementId) {
        LedgerIds.require("engagementId", engagementId);
        return view.engagementOf(CurrentActor.require().id(), engagementId)
                .orElseThrow(() -> Rejection.notFound("no such engagement: " + engagementId));
    }
}
