package coaching.ledger.kernel.closure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sealing.TextSealer;
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

    /** Where the reason of such an event is sealed, when it is written and when it is read. */
    public static SealedField reasonField(String clientId, String engagementId) {
        return new SealedField(clientId, engagementId, "EngagementClosed", engagementId, "reason");
    }

    /** This event with its reason sealed under the key of the engagement's client. */
    public EngagementClosed sealed(TextSealer sealer, String clientId) {
        return new EngagementClosed(
                engagementId,
                outcome,
                sealer.seal(reasonField(clientId, engagementId), reason),
                closedBy,
                endedConsentIds);
    }

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
