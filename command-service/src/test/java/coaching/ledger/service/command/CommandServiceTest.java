package coaching.ledger.service.command;

import coaching.ledger.command.engagement.StoreCheckedCache;
import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.axon.JdbcEventStorage;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.TestDatabases;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The command service on PostgreSQL: it takes commands and runs nothing of the read side. */
@ActiveProfiles({"postgres", "demo"})
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandServiceTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Test
    void takesCommandsOnTheTunedJdbcEventStore() {
        LedgerHttp http = new LedgerHttp(port);
        LedgerHttp.Response opened = http.post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"eng-cmd","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
        assertThat(context.getBeanProvider(JdbcEventStorage.class).getIfAvailable())
                .as("the tuned event store")
                .isNotNull();
    }

    /** Several instances append to the same engagements: a cached one is checked against the store before use. */
    @Test
    void keepsEngagementsInMemoryOnlyAsLongAsTheStoreAgrees() {
        assertThat(context.getBean("engagementCache")).isInstanceOf(StoreCheckedCache.class);
    }

    @Test
    void runsNoProjectionsServesNoViewsAndLeavesSealingToTheQueryService() {
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessors())
                .isEmpty();
        assertThat(context.getBeanProvider(EventChainSealer.class).getIfAvailable())
                .isNull();
        assertThat(new LedgerHttp(port).get("/api/v1/hr/engagements", "hr-hana").status())
                .isEqualTo(404);
    }
}
