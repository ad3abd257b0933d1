package coaching.ledger.kernel.erasure;

import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Compliance holds an engagement for litigation or an investigation: its client cannot be erased. */
public record PlaceLegalHold(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String holdId,
        @NotBlank @Size(max = 200) String reason) {}
