package coaching.ledger.kernel.disclosure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
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

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
