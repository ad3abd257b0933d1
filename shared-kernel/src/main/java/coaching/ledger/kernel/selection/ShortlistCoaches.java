package coaching.ledger.kernel.selection;

import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record ShortlistCoaches(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @NotNull @Size(min = 1, max = 10) List<@LedgerId String> coachIds) {}
