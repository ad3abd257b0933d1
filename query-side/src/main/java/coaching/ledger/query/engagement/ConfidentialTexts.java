package coaching.ledger.query.engagement;

import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.platform.sealing.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place where a view turns a stored confidential text into text, for a party entitled to
 * read it. Projections store a confidential field as its event holds it: an envelope sealed under
 * the key of the engagement's client, or the plaintext of an event stored before sealing, which
 * reads as it is. A view names the field by its event's static method (e.g.
 * {@code SessionLogged.notesField}) with the client id of its engagement row.
 *
 * <p>An envelope that does not open where it is found (altered, or moved from another field) is
 * shown as null and logged as a warning naming the place only, never the stored value: it must
 * neither fail the answer nor show anything of itself.
 */
@Component
public class ConfidentialTexts {

    private static final Logger log = LoggerFactory.getLogger(ConfidentialTexts.class);

    private final Sealer sealer;

    public ConfidentialTexts(Sealer sealer) {
        this.sealer = sealer;
    }

    /** The text {@code stored} holds for {@code field}, or null if it holds none a reader may see. */
    public String open(SealedField field, String stored) {
        try {
            return sealer.open(field, stored);
        } catch (Sealer.ErasedText erased) {
            return null;
        } catch (Sealer.UnreadableEnvelope unreadable) {
            log.warn(
                    "{}.{} of {} in engagement {} does not open (altered, or moved from another place):"
                            + " shown as null",
                    field.eventType(),
                    field.field(),
                    field.recordId(),
                    field.engagementId());
            return null;
        }
    }
}
