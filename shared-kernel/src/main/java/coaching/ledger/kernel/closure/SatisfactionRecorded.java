package coaching.ledger.kernel.closure;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sealing.TextSealer;
import org.axonframework.serialization.Revision;

/** The score is for HR; the comment is the client's own words and stays in the client's view. */
@Revision("1")
public record SatisfactionRecorded(
        String engagementId, int score, @Confidential String comment) {

    /** Where the comment of such an event is sealed, when it is written and when it is read. */
    public static SealedField commentField(String clientId, String engagementId) {
        return new SealedField(clientId, engagementId, "SatisfactionRecorded", engagementId, "comment");
    }

    /** This event with its comment sealed under the key of the engagement's client. */
    public SatisfactionRecorded sealed(TextSealer sealer, String clientId) {
        return new SatisfactionRecorded(
                engagementId, score, sealer.seal(commentField(clientId, engagementId), comment));
    }

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
