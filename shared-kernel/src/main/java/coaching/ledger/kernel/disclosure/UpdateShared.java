package coaching.ledger.kernel.disclosure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sealing.TextSealer;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A disclosure, with the consent it relies on: {@code consentId}, the consent's purpose, and the
 * event id and aggregate sequence number of the {@code UpdateConsentGranted} event, so an auditor
 * can trace every piece of shared information to the grant that allowed it.
 */
@Revision("1")
public record UpdateShared(
        String engagementId,
        String updateId,
        Audience audience,
        Scope scope,
        @Confidential String content,
        String recipientId,
        String sharedBy,
        Instant sharedAt,
        String consentId,
        String purpose,
        String consentGrantEventId,
        long consentGrantSequence) {

    /** Where the content of such an event is sealed, when it is written and when it is read. */
    public static SealedField contentField(String clientId, String engagementId, String updateId) {
        return new SealedField(clientId, engagementId, "UpdateShared", updateId, "content");
    }

    /** This event with its content sealed under the key of the engagement's client. */
    public UpdateShared sealed(TextSealer sealer, String clientId) {
        return new UpdateShared(
                engagementId,
                updateId,
                audience,
                scope,
                sealer.seal(contentField(clientId, engagementId, updateId), content),
                recipientId,
                sharedBy,
                sharedAt,
                consentId,
                purpose,
                consentGrantEventId,
                consentGrantSequence);
    }

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
