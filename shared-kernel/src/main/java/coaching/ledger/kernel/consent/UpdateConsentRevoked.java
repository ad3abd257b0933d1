package coaching.ledger.kernel.consent;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UpdateConsentRevoked(String engagementId, String consentId, String reason) {
}
