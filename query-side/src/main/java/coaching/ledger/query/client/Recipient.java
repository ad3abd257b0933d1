package coaching.ledger.query.client;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.erasure.DisclosedUpdate;

import java.util.List;

/** Someone an update about the client reached, and which: whom an erasure of their data will notify (GDPR Art. 19). */
public record Recipient(String recipientId, Role role, List<DisclosedUpdate> updates) {}
