package coaching.ledger.query.client;

import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.query.engagement.EngagementStatus;

import java.time.Instant;

/**
 * One line of the client's list of their own engagements: enough to choose one, nothing confidential
 * (no notes, contents or reasons); the whole engagement is {@link ClientEngagement}.
 */
public record ClientEngagementSummary(
        String engagementId,
        Purpose purpose,
        Urgency urgency,
        EngagementStatus status,
        String selectedCoachId,
        Instant openedAt,
        Instant closedAt,
        long version) {}
