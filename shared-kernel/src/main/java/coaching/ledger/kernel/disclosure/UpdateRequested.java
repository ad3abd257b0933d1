package coaching.ledger.kernel.disclosure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import org.axonframework.serialization.Revision;

/** The audience is the requester's own role: a boss asks for a BOSS update, HR for an HR update. */
@Revision("1")
public record UpdateRequested(
        String engagementId,
        String requestId,
        Audience audience,
        String requestedBy,
        Scope scope,
        @Confidential String message) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
