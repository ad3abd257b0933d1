package coaching.ledger.command.legalhold;

import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.erasure.PlaceLegalHold;
import coaching.ledger.kernel.erasure.ReleaseLegalHold;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Compliance places and releases legal holds; the answers carry no version (no party sees a hold). */
@RestController
@RequestMapping("/api/v1/engagements/{engagementId}/legal-hold")
class LegalHoldEndpoint {

    private final CommandGateway commands;

    LegalHoldEndpoint(CommandGateway commands) {
        this.commands = commands;
    }

    record HoldRequest(String holdId, String reason) {}

    @PostMapping
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<Object> place(@PathVariable String engagementId, @RequestBody HoldRequest body) {
        Receipt receipt = commands.sendAndWait(new PlaceLegalHold(engagementId, body.holdId(), body.reason()));
        return ResponseEntity.status(receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Map.of("engagementId", engagementId, "holdId", receipt.id()));
    }

    @PostMapping("/{holdId}/release")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<Object> release(@PathVariable String engagementId, @PathVariable String holdId) {
        Receipt receipt = commands.sendAndWait(new ReleaseLegalHold(engagementId, holdId));
        return ResponseEntity.ok(Map.of("engagementId", engagementId, "holdId", receipt.id()));
    }
}
