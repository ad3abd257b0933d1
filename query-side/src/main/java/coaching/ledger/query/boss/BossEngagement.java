package coaching.ledger.query.boss;

import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.query.engagement.Budget;
import coaching.ledger.query.engagement.EngagementStatus;

import java.time.Instant;
import java.util.List;

/** An engagement as its boss sees it: how it is going, and what the client allowed them to know; {@code erased}: fields erased with the client's data. */
public record BossEngagement(
        String engagementId,
        String clientId,
        Purpose purpose,
        Urgency urgency,
        EngagementStatus status,
        String selectedCoachId,
        Budget budget,
        Instant openedAt,
        Instant closedAt,
        Outcome outcome,
        List<BossUpdate> updates,
        List<String> erased,
        long version) {}
