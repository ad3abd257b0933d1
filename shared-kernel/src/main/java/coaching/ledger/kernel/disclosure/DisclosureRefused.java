package coaching.ledger.kernel.disclosure;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import org.axonframework.serialization.Revision;

/** An attempted disclosure that no consent allowed. Deliberately carries no content. */
@Revision("1")
public record DisclosureRefused(
        String engagementId, String updateId, Audience audience, Scope scope, String actor, RefusalReason reason) {}
