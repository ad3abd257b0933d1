package coaching.ledger.query.client;

import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.query.engagement.Budget;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.engagement.OpenUpdateRequest;

import java.time.Instant;
import java.util.List;

/**
 * Everything of the client's own engagement: who was told what, when, and under which consent.
 * {@code recipients} are everyone an update about the client reached, in any of their engagements;
 * {@code erased} names the confidential fields that read as null because the client's data was erased.
 */
public record ClientEngagement(
        String engagementId,
        String clientId,
        String bossId,
        Purpose purpose,
        Urgency urgency,
        EngagementStatus status,
        List<String> shortlist,
        String selectedCoachId,
        Budget budget,
        Instant openedAt,
        Instant closedAt,
        Outcome outcome,
        String closeReason,
        Satisfaction satisfaction,
        List<Session> sessions,
        List<Consent> consents,
        List<Disclosure> disclosures,
        List<Refusal> refusals,
        List<OpenUpdateRequest> openRequests,
        List<Recipient> recipients,
        List<String> erased,
        long version) {

    public record Satisfaction(int score, String comment) {}
}
