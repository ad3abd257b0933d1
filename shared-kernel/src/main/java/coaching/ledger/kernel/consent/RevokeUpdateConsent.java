package coaching.ledger.kernel.consent;

import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeUpdateConsent(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String consentId,
        @Size(max = 500) String reason) {
}
