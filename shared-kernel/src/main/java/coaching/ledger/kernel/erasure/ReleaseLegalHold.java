package coaching.ledger.kernel.erasure;

import coaching.ledger.kernel.LedgerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseLegalHold(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String holdId) {}
