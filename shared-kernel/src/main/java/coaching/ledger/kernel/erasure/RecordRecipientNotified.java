package coaching.ledger.kernel.erasure;

import coaching.ledger.kernel.LedgerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Compliance records that a recipient due an erasure notification was told. */
public record RecordRecipientNotified(
        @LedgerId String clientId,
        @LedgerId String erasureId,
        @LedgerId String recipientId) {

    @TargetAggregateIdentifier
    public String streamId() {
        return ClientStream.of(clientId);
    }
}
