package coaching.ledger.query.hr;

import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.query.engagement.Budget;
import coaching.ledger.query.engagement.EngagementStatus;

import java.time.Instant;
import java.util.List;

/** An engagement as HR sees it: no session data, no satisfaction comment, only updates shared with HR; {@code erased}: fields erased with the client's data. */
public record HrEngagement(
        String engagementId,
        String clientId,
        String bossId,
        String hrId,
        Purpose purpose,
        Urgency urgency,
        EngagementStatus status,
        List<String> shortlist,
        String selectedCoachId,
        Budget budget,
        Instant openedAt,
        Instant closedAt,
        Outcome outcome,
        Integer satisfactionScore,
        List<HrUpdate> updates,
        List<String> erased,
        long version) {}
