package coaching.ledger.query.log;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.platform.audit.ConditionalOnAudit;
import coaching.ledger.platform.security.CurrentActor;
import coaching.ledger.query.web.LedgerIds;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A receipt for a disclosure ({@code c2sp.org/tlog-proof@v1} text, see {@link Receipts}): for the client
 * the disclosure was about, and for compliance. Another client's engagement answers 404 like a missing one.
 */
@RestController
@ConditionalOnAudit
class ReceiptEndpoint {

    private final Receipts receipts;

    ReceiptEndpoint(Receipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/client/engagements/{engagementId}/disclosures/{updateId}/receipt")
    @PreAuthorize("hasRole('CLIENT')")
    ResponseEntity<String> forClient(@PathVariable String engagementId, @PathVariable String updateId) {
        LedgerIds.require("engagementId", engagementId);
        LedgerIds.require("updateId", updateId);
        String eventId = receipts.disclosureOf(CurrentActor.require().id(), engagementId, updateId)
                .orElseThrow(() -> Rejection.notFound(
                        "no disclosure " + updateId + " on an engagement of yours: " + engagementId));
        return text(receipts.forDisclosure(eventId));
    }

    @GetMapping("/api/v1/compliance/disclosures/{eventId}/receipt")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<String> forCompliance(@PathVariable String eventId) {
        LedgerIds.require("eventId", eventId);
        return text(receipts.forDisclosure(eventId));
    }

    private static ResponseEntity<String> text(String receipt) {
        return ResponseEntity.ok().contentType(LogEndpoint.TEXT).body(receipt);
    }
}
