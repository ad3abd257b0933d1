package coaching.ledger.kernel.erasure;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ErasureRecipientNotified(
        String clientId, String erasureId, String recipientId, String notifiedBy, Instant notifiedAt) {}
