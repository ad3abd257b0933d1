package coaching.ledger.kernel.sessions;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record LogSession(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String sessionId,
        @NotNull @PastOrPresent LocalDate heldOn,
        @NotNull @Positive @Max(600) Integer durationMinutes,
        @Confidential @NotNull @Size(max = 20_000) String notes) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
