package coaching.ledger.query.engagement;

import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.platform.sealing.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where a view turns a stored confidential text into text, for a party entitled to
 * read it. Projections store a confidential field as its event holds it: an envelope sealed under
 * the key of the engagement's client, or the plaintext of an event stored before sealing, which
 * reads as it is. A view names the field by its event's static method (e.g.
 * {@code SessionLogged.notesField}) with the client id of its engagement row.
 *
 * <p>An envelope that does not open where it is found (altered, or moved from another field) is
 * shown as null and logged as a warning naming the place only, never the stored value: it must
 * neither fail the answer nor show anything of itself. An envelope of an erased client is null too,
 * but not a fault: the answer names it among its engagement's {@code erased} fields ({@link Reading}).
 */
@Component
public class ConfidentialTexts {

    private static final Logger log = LoggerFactory.getLogger(ConfidentialTexts.class);

    private final Sealer sealer;

    public ConfidentialTexts(Sealer sealer) {
        this.sealer = sealer;
    }

    /** A stored text as a reader sees it: its text, or null, and whether null because the client's data was erased. */
    public record Opened(String text, boolean erased) {}

    /** The text {@code stored} holds for {@code field} (null if it holds none a reader may see), and whether it was erased. */
    public Opened open(SealedField field, String stored) {
        try {
            return new Opened(sealer.open(field, stored), false);
        } catch (Sealer.ErasedText erased) {
            return new Opened(null, true);
        } catch (Sealer.UnreadableEnvelope unreadable) {
            log.warn(
                    "{}.{} of {} in engagement {} does not open (altered, or moved from another place):"
                            + " shown as null",
                    field.eventType(),
                    field.field(),
                    field.recordId(),
                    field.engagementId());
            return new Opened(null, false);
        }
    }

    /** A new read of one answer, which collects the erased fields of each engagement it opens. */
    public Reading reading() {
        return new Reading();
    }

    /**
     * The confidential texts one answer opens, and of each engagement the fields that read as erased,
     * named by their place in the answer ({@code "sessions[s-1].notes"}, {@code "closeReason"}), in
     * the order they were opened. A field that was never written is null and not erased.
     */
    public final class Reading {

        private final Map<String, Set<String>> erased = new HashMap<>();

        private Reading() {}

        /** The text of {@code field}, which the answer shows at {@code place}. */
        public String open(SealedField field, String stored, String place) {
            Opened opened = ConfidentialTexts.this.open(field, stored);
            if (opened.erased()) {
                erased.computeIfAbsent(field.engagementId(), id -> new LinkedHashSet<>())
                        .add(place);
            }
            return opened.text();
        }

        /** The places of the engagement's texts opened so far that read as erased. */
        public List<String> erasedIn(String engagementId) {
            return new ArrayList<>(erased.getOrDefault(engagementId, Set.of()));
        }
    }
}
