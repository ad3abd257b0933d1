package coaching.ledger.app;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the Boot 4 ordering bridge works: without it Axon silently runs with no event store. */
interface StorageScenarios extends LedgerScenario {

    @Test
    default void eventsGoToTheJdbcEventStoreInRealTransactions() {
        assertThat(context().getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context().getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context().getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
    }
}
