package coaching.ledger.kernel.consent;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

@Revision("1")
public record UpdateConsentGranted(
        String engagementId,
        String consentId,
        String clientId,
        Audience audience,
        Set<Scope> scopes,
        Instant validUntil,
        String purpose) {
}
