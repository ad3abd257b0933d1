package coaching.ledger.query.coach;

import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.support.PartyProjection;
import coaching.ledger.query.support.Row;
import coaching.ledger.query.support.Sql;
import coaching.ledger.query.support.ViewTables;
import coaching.ledger.query.support.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The coach's working view: their sessions, which consents let them share what, what the boss or
 * HR asked for, and which updates were shared with whom. Rows exist from the opening on, but a coach
 * sees them only once selected.
 */
@Component
@ProcessingGroup(CoachProjection.NAME)
public class CoachProjection extends PartyProjection {

    public static final String NAME = "coach";
    public static final ViewTables TABLES = ViewTables.of("coach_engagement", "coach_session", "coach_consent",
            "coach_request", "coach_update");

    public CoachProjection(ViewWrites writes) {
        super(writes, PartyView.COACH, NAME, TABLES);
    }

    /** Records that an update was shared, and answers the requests it matches; never its content. */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long sequence) {
        Row.in("coach_update").key("engagement_id", event.engagementId()).key("update_id", event.updateId())
                .set("audience", Sql.name(event.audience()))
                .set("scope", Sql.name(event.scope()))
                .set("shared_by", event.sharedBy())
                .set("shared_at", Sql.timestamp(event.sharedAt()))
                .set("sequence_number", sequence)
                .upsertIn(writes, event.engagementId());
        requests.answeredBy(event);
        counted(event, event.engagementId(), sequence);
    }
}
