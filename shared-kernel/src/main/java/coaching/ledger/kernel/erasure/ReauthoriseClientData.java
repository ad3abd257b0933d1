package coaching.ledger.kernel.erasure;

import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Lifts a client's erasure fence, so a new data key may be created for the client (a client who
 * comes back). Audited as {@link ClientDataReauthorised}; the erased texts stay unreadable.
 */
public record ReauthoriseClientData(
        @LedgerId String clientId,
        @LedgerId String reauthorisationId,
        @NotBlank @Size(max = 200) String reason) {

    @TargetAggregateIdentifier
    public String streamId() {
        return ClientStream.of(clientId);
    }
}
