package coaching.ledger.kernel.erasure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The client's data key was destroyed and an erasure fence written, in the transaction that recorded
 * this event: every confidential text sealed for the client is unreadable from now on. Carries no
 * personal text: the client id, the engagements it covered, how many recipients are to be notified
 * (one {@link ErasureNotificationDue} each) and how many confidential fields were stored in clear
 * before sealing existed and could not be shredded ({@code legacyPlaintextFields}).
 */
@Revision("1")
public record ClientDataErased(
        String clientId,
        String erasureId,
        String reason,
        String erasedBy,
        Instant erasedAt,
        List<String> engagementIds,
        int recipients,
        int legacyPlaintextFields) {}
