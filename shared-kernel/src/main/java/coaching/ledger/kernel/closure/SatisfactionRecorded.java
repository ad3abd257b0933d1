package coaching.ledger.kernel.closure;

import coaching.ledger.kernel.Confidential;
import org.axonframework.serialization.Revision;

/** The score is for HR; the comment is the client's own words and stays in the client's view. */
@Revision("1")
public record SatisfactionRecorded(
        String engagementId, int score, @Confidential String comment) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
