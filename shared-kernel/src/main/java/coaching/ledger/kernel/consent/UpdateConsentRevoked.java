package coaching.ledger.kernel.consent;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sealing.TextSealer;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UpdateConsentRevoked(
        String engagementId, String consentId, @Confidential String reason) {

    /** Where the reason of such an event is sealed, when it is written and when it is read. */
    public static SealedField reasonField(String clientId, String engagementId, String consentId) {
        return new SealedField(clientId, engagementId, "UpdateConsentRevoked", consentId, "reason");
    }

    /** This event with its reason sealed under the key of the engagement's client. */
    public UpdateConsentRevoked sealed(TextSealer sealer, String clientId) {
        return new UpdateConsentRevoked(
                engagementId, consentId, sealer.seal(reasonField(clientId, engagementId, consentId), reason));
    }

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
