package coaching.ledger.kernel.selection;

import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenEngagement(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String clientId,
        @LedgerId String bossId,
        @NotNull Purpose purpose,
        @NotNull Urgency urgency) {}
