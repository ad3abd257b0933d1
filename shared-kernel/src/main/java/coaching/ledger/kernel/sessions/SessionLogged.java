package coaching.ledger.kernel.sessions;

import coaching.ledger.kernel.Confidential;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Confidential between coach and client: never consumed by HR, boss or compliance views. */
@Revision("1")
public record SessionLogged(
        String engagementId,
        String sessionId,
        String coachId,
        LocalDate heldOn,
        int durationMinutes,
        @Confidential String notes) {

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
