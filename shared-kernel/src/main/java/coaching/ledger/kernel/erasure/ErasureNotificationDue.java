package coaching.ledger.kernel.erasure;

import coaching.ledger.kernel.Role;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * GDPR Art. 19: a recipient of disclosures about an erased client must be told of the erasure. One
 * per recipient, recorded with {@link ClientDataErased}, listing what the ledger's own
 * {@code UpdateShared} events disclosed to it.
 */
@Revision("1")
public record ErasureNotificationDue(
        String clientId, String erasureId, String recipientId, Role recipientRole, List<DisclosedUpdate> updates) {}
