package coaching.ledger.kernel.selection;

import coaching.ledger.kernel.LedgerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SelectCoach(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String coachId) {}
