package coaching.ledger.kernel.erasure;

import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Compliance erases a client's confidential data (GDPR Art. 17) by destroying the client's data key.
 * The {@code reason} is compliance's reference for the request (e.g. a ticket number), recorded in
 * clear: it must not contain the client's words.
 */
public record EraseClientData(
        @LedgerId String clientId,
        @LedgerId String erasureId,
        @NotBlank @Size(max = 200) String reason) {

    @TargetAggregateIdentifier
    public String streamId() {
        return ClientStream.of(clientId);
    }
}
