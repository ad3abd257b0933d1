package coaching.ledger.kernel.disclosure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sealing.TextSealer;
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

    /** Where the message of such an event is sealed, when it is written and when it is read. */
    public static SealedField messageField(String clientId, String engagementId, String requestId) {
        return new SealedField(clientId, engagementId, "UpdateRequested", requestId, "message");
    }

    /** This event with its message sealed under the key of the engagement's client. */
    public UpdateRequested sealed(TextSealer sealer, String clientId) {
        return new UpdateRequested(
                engagementId,
                requestId,
                audience,
                requestedBy,
                scope,
                sealer.seal(messageField(clientId, engagementId, requestId), message));
    }

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
