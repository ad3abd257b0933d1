package coaching.ledger.kernel.selection;

import org.axonframework.serialization.Revision;

/** {@code hrId} is the HR person who opened the engagement and receives updates addressed to HR. */
@Revision("1")
public record EngagementOpened(
        String engagementId, String clientId, String bossId, String hrId, Purpose purpose, Urgency urgency) {}
