package coaching.ledger.query.compliance;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.erasure.DisclosedUpdate;

import java.time.Instant;
import java.util.List;

/**
 * One erasure of a client's data (GDPR Art. 17) with the recipients of earlier disclosures it must
 * notify (Art. 19). {@code legacyPlaintextFields} counts the confidential texts stored in clear before
 * sealing existed, which the erasure could not shred.
 */
public record ComplianceErasure(
        String clientId,
        String erasureId,
        String reason,
        String erasedBy,
        Instant erasedAt,
        List<String> engagementIds,
        int legacyPlaintextFields,
        List<Recipient> recipients) {

    /** Who received updates about the client, which, and whether they were told of the erasure. */
    public record Recipient(
            String recipientId,
            Role role,
            List<DisclosedUpdate> updates,
            boolean notified,
            Instant notifiedAt,
            String notifiedBy) {}
}
