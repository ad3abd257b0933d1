package coaching.ledger.kernel.sessions;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sealing.TextSealer;
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

    /** Where the notes of such an event is sealed, when it is written and when it is read. */
    public static SealedField notesField(String clientId, String engagementId, String sessionId) {
        return new SealedField(clientId, engagementId, "SessionLogged", sessionId, "notes");
    }

    /** This event with its notes sealed under the key of the engagement's client. */
    public SessionLogged sealed(TextSealer sealer, String clientId) {
        return new SessionLogged(
                engagementId,
                sessionId,
                coachId,
                heldOn,
                durationMinutes,
                sealer.seal(notesField(clientId, engagementId, sessionId), notes));
    }

    @Override
    public String toString() {
        return Confidential.Text.of(this);
    }
}
