package coaching.ledger.kernel.closure;

import coaching.ledger.kernel.Confidential;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Closing ends every consent of the engagement; {@code endedConsentIds} names the ones still in force. */
@Revision("1")
public record EngagementClosed(
        String engagementId,
        Outcome outcome,
        @Confidential String reason,
        String closedBy,
        List<String> endedConsentIds) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
