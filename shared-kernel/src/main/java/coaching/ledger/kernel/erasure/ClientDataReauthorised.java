package coaching.ledger.kernel.erasure;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ClientDataReauthorised(
        String clientId, String reauthorisationId, String reason, String reauthorisedBy, Instant reauthorisedAt) {}
