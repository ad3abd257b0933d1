package coaching.ledger.kernel.disclosure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.LedgerId;
import coaching.ledger.kernel.consent.Scope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestUpdate(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String requestId,
        @NotNull Scope scope,
        @Confidential @NotBlank @Size(max = 2_000) String message) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
