package coaching.ledger.platform.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the event store and everything sealed from it, for a test that starts a fresh history. */
final class AuditTables {

    private AuditTables() {}

    static void empty(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM event_chain_gap");
        jdbc.update("DELETE FROM event_chain");
        jdbc.update("DELETE FROM merkle_tile");
        jdbc.update("DELETE FROM log_checkpoint");
        jdbc.update("DELETE FROM DomainEventEntry");
        jdbc.update(
                "UPDATE event_chain_head SET lastIndex = 0, lastHash = ?, treeSize = 0, treeRoot = NULL",
                ChainHash.GENESIS);
    }
}
