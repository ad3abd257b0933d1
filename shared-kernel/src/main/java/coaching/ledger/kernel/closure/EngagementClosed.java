package coaching.ledger.kernel.closure;

import org.axonframework.serialization.Revision;

import java.util.List;

/** Closing ends every consent of the engagement; {@code endedConsentIds} names the ones still in force. */
@Revision("1")
public record EngagementClosed(
        String engagementId,
        Outcome outcome,
        String reason,
        String closedBy,
        List<String> endedConsentIds) {
}
