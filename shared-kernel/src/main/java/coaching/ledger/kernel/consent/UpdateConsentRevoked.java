package coaching.ledger.kernel.consent;

import coaching.ledger.kernel.Confidential;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UpdateConsentRevoked(
        String engagementId, String consentId, @Confidential String reason) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
