package coaching.ledger.query.compliance;

import coaching.ledger.query.web.LedgerIds;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** GDPR Art. 19: each erasure with the recipients it must notify and whether they were. */
@RestController
@PreAuthorize("hasRole('COMPLIANCE')")
public class ErasuresEndpoint {

    private final ComplianceView view;

    public ErasuresEndpoint(ComplianceView view) {
        this.view = view;
    }

    /** Every erasure, or the erasures of the client {@code clientId} names (an empty list if none). */
    @GetMapping("/api/v1/compliance/erasures")
    public List<ComplianceErasure> erasures(@RequestParam(required = false) String clientId) {
        return view.erasures(clientId == null ? null : LedgerIds.require("clientId", clientId));
    }
}
