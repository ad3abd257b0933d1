package coaching.ledger.kernel.closure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordSatisfaction(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @NotNull @Min(1) @Max(5) Integer score,
        @Confidential @Size(max = 2_000) String comment) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
