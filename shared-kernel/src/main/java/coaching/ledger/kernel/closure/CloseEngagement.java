package coaching.ledger.kernel.closure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseEngagement(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @NotNull Outcome outcome,
        @Confidential @NotBlank @Size(max = 2_000) String reason) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
