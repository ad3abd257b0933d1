package coaching.ledger.query.compliance;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.query.engagement.ConsentState;

import java.time.Instant;
import java.util.List;

/** The disclosure ledger of one engagement, and its legal holds. Deliberately without any content. */
public record ComplianceEngagement(
        String engagementId,
        List<Disclosure> disclosures,
        List<Refusal> refusals,
        List<LegalHold> legalHolds,
        long version) {

    /** An update that reached its recipient; {@code globalIndex} is its position in the event store. */
    public record Disclosure(
            String eventId,
            Long globalIndex,
            String updateId,
            Instant sharedAt,
            Actor actor,
            String recipientId,
            Audience audience,
            Scope scope,
            String purpose,
            ConsentTrace consent) {}

    /** The grant a disclosure relied on; fields after {@code grantEventId} are null if no such grant was recorded. */
    public record ConsentTrace(
            String consentId,
            String grantEventId,
            Long grantGlobalIndex,
            Instant grantedAt,
            List<Scope> scopes,
            Instant validUntil,
            ConsentState stateAtDisclosure) {}

    public record Refusal(
            String eventId,
            Long globalIndex,
            String updateId,
            Instant refusedAt,
            Actor actor,
            Audience audience,
            Scope scope,
            RefusalReason reason) {}

    /** A hold against erasure; {@code releasedAt} is null while it holds. */
    public record LegalHold(String holdId, String reason, String placedBy, Instant placedAt, Instant releasedAt) {}
}
