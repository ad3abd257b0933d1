package coaching.ledger.kernel.consent;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeUpdateConsent(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String consentId,
        @Confidential @Size(max = 500) String reason) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
