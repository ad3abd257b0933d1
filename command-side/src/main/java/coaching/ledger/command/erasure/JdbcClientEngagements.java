package coaching.ledger.command.erasure;

import coaching.ledger.platform.sealing.ClientDataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The client of each engagement in the table {@code engagement_client} (platform migration V7), written
 * in the opening command's transaction; what each engagement holds, from its events, all of them from
 * the first (never a snapshot, which keeps no disclosures nor clear text).
 */
@Component
class JdbcClientEngagements implements ClientEngagements {

    private final JdbcTemplate jdbc;
    private final ClientDataKeys keys;
    private final EventStore eventStore;

    JdbcClientEngagements(JdbcTemplate jdbc, ClientDataKeys keys, EventStore eventStore) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.eventStore = eventStore;
    }

    @Override
    public void enrol(String engagementId, String clientId) {
        keys.holdAgainstErasure(clientId);
        jdbc.update("INSERT INTO engagement_client (engagement_id, client_id) VALUES (?, ?)", engagementId, clientId);
    }

    @Override
    public List<EngagementHistory> of(String clientId) {
        return jdbc
                .queryForList(
                        "SELECT engagement_id FROM engagement_client WHERE client_id = ? ORDER BY engagement_id",
                        String.class,
                        clientId)
                .stream()
                .map(engagementId -> EngagementHistory.of(
                        engagementId,
                        clientId,
                        eventStore
                                .readEvents(engagementId, 0)
                                .asStream()
                                .map(EventMessage::getPayload)
                                .toList()))
                .toList();
    }
}
