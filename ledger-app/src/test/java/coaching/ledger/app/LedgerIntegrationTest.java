package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.UUID;

/**
 * The whole ledger in one process over real HTTP. Concrete subclasses choose the database; the
 * scenarios are interfaces so that every one of them runs on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class LedgerIntegrationTest implements LedgerScenario {

    @LocalServerPort
    private int port;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private ApplicationContext context;

    private LedgerHttp http;

    @BeforeEach
    void connect() {
        http = new LedgerHttp(port);
    }

    @Override
    public LedgerHttp http() {
        return http;
    }

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Override
    public List<? extends DomainEventMessage<?>> history(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0L).asStream().toList();
    }

    @Override
    public String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
