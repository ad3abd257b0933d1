package coaching.ledger.service.query;

import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.TestDatabases;
import coaching.ledger.query.Views;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The query service on PostgreSQL: projections and views, the chain sealer, and no command endpoint. */
@ActiveProfiles({"postgres", "demo"})
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryServiceTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Test
    void runsEveryProjectionOnAPooledProcessorAndSealsTheChain() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        assertThat(Views.NAMES)
                .allSatisfy(name -> assertThat(processing.eventProcessor(name, PooledStreamingEventProcessor.class))
                        .isPresent());
        assertThat(context.getBeanProvider(EventChainSealer.class).getIfAvailable())
                .isNotNull();
        assertThat(new LedgerHttp(port).get("/api/v1/hr/engagements", "hr-hana").status())
                .isEqualTo(200);
    }

    @Test
    void exposesNoCommandEndpoint() {
        LedgerHttp.Response open = new LedgerHttp(port).post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"eng-q","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""");
        assertThat(open.status()).as(open.toString()).isIn(404, 405);
        assertThat(context.getBeanNamesForAnnotation(Aggregate.class)).isEmpty();
    }

    /** The pages are served here too, read-only: the page says so through /api/v1/me and hides its forms. */
    @Test
    void servesThePagesReadOnly() {
        LedgerHttp http = new LedgerHttp(port);
        assertThat(http.get("/", null).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/me", "hr-hana").json().get("writes").asBoolean())
                .isFalse();
    }
}
