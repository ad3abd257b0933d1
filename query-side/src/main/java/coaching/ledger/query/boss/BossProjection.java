package coaching.ledger.query.boss;

import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.support.LifecycleProjection;
import coaching.ledger.query.support.Row;
import coaching.ledger.query.support.Sql;
import coaching.ledger.query.support.ViewTables;
import coaching.ledger.query.support.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The boss view: lifecycle facts and updates addressed to the boss. No session notes, no
 * satisfaction, and the content of an update only when the boss is its audience (rule 1).
 */
@Component
@ProcessingGroup(BossProjection.NAME)
public class BossProjection extends LifecycleProjection {

    public static final String NAME = "boss";
    public static final ViewTables TABLES = ViewTables.of("boss_engagement", "boss_update");

    public BossProjection(ViewWrites writes) {
        super(writes, PartyView.BOSS, "boss_engagement", TABLES);
    }

    /** Only updates addressed to the boss are kept; one addressed to HR leaves no trace, not even in the version. */
    @EventHandler
    void on(UpdateShared event, @SequenceNumber long sequence) {
        if (shows(event)) {
            Row.in("boss_update").key("engagement_id", event.engagementId()).key("update_id", event.updateId())
                    .set("scope", Sql.name(event.scope()))
                    .set("content", event.content())
                    .set("shared_at", Sql.timestamp(event.sharedAt()))
                    .set("shared_by", event.sharedBy())
                    .set("consent_id", event.consentId())
                    .set("sequence_number", sequence)
                    .upsertIn(writes, event.engagementId());
            counted(event, event.engagementId(), sequence);
        }
    }
}
