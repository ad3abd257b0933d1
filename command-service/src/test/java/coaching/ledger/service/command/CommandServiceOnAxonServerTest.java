package coaching.ledger.service.command;

import coaching.ledger.platform.audit.LedgerVerifier;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile 'axonserver' wires the Axon Server connector: Axon Server stores the events and routes the
 * commands. No Axon Server runs here (port 1 refuses), so this proves the wiring, not the traffic.
 */
class CommandServiceOnAxonServerTest {

    @Test
    void storesAndRoutesThroughAxonServerWithoutTheJdbcEventStore() {
        try (ConfigurableApplicationContext context = SpringApplication.run(
                CommandServiceApplication.class,
                "--spring.profiles.active=axonserver,demo",
                "--axon.axonserver.servers=127.0.0.1:1",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:axonserver-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
            assertThat(context.getBeansOfType(LedgerVerifier.class)).isEmpty();
        }
    }
}
