package coaching.ledger.kernel.consent;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * Revision 2 added {@code noticeVersion}: the version of the consent notice (the text telling the
 * client what will be shared, with whom and why) the client was shown when granting. Revision-1
 * events are read through {@link UpdateConsentGrantedUpcaster} with {@code noticeVersion} null:
 * it was not recorded then.
 */
@Revision("2")
public record UpdateConsentGranted(
        String engagementId,
        String consentId,
        String clientId,
        Audience audience,
        Set<Scope> scopes,
        Instant validUntil,
        String purpose,
        String noticeVersion) {}
