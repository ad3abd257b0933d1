package coaching.ledger.kernel.disclosure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.LedgerId;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ShareUpdate(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String updateId,
        @NotNull Audience audience,
        @NotNull Scope scope,
        @Confidential @NotBlank @Size(max = 20_000) String content) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
