package coaching.ledger.query.coach;

import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.query.support.PartyProjection;
import coaching.ledger.query.support.ViewTables;
import coaching.ledger.query.support.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The coach's working view: their sessions, which consents let them share what, and what the boss
 * or HR asked for. Rows exist from the opening on, but a coach sees them only once selected.
 */
@Component
@ProcessingGroup(CoachProjection.NAME)
public class CoachProjection extends PartyProjection {

    public static final String NAME = "coach";
    public static final ViewTables TABLES = ViewTables.of("coach_engagement", "coach_session", "coach_consent",
            "coach_request");

    public CoachProjection(ViewWrites writes) {
        super(writes, NAME, TABLES);
    }

    /** Answers the requests it matches; the coach view keeps no copy of the content. */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long version) {
        requests.answeredBy(event);
        lifecycle.advance(event.engagementId(), version);
    }
}
