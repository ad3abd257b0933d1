package coaching.ledger.query.compliance;

import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.web.LedgerIds;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@PreAuthorize("hasRole('COMPLIANCE')")
public class DisclosureLedgerEndpoint {

    private final ComplianceView view;

    public DisclosureLedgerEndpoint(ComplianceView view) {
        this.view = view;
    }

    /** Every engagement's disclosure ledger, or the one {@code engagementId} names (an empty list if none). */
    @GetMapping("/api/v1/compliance/disclosures")
    public List<ComplianceEngagement> disclosures(@RequestParam(required = false) String engagementId) {
        return view.engagements(
                engagementId == null
                        ? EngagementFilter.all()
                        : EngagementFilter.one(LedgerIds.require("engagementId", engagementId)));
    }
}
