package coaching.ledger.service.query;

import coaching.ledger.platform.audit.Checkpointer;
import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.query.Views;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile 'axonserver' wires the Axon Server connector: the projections stream from Axon Server and
 * keep their tokens next to the views; queries go through Axon Server. The audit features, which
 * read the JDBC event tables, say they are unavailable. No Axon Server runs here (port 1 refuses), so
 * this proves the wiring, not the traffic.
 */
class QueryServiceOnAxonServerTest {

    @Test
    void streamsFromAxonServerWithTokensInTheViewDatabaseAndNoAuditFeatures() {
        String url = "jdbc:h2:mem:axonserver-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        initializeTokens(url);
        try (ConfigurableApplicationContext context = SpringApplication.run(
                QueryServiceApplication.class,
                "--spring.profiles.active=axonserver,demo",
                "--axon.axonserver.servers=127.0.0.1:1",
                "--server.port=0",
                "--spring.datasource.url=" + url)) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
            assertThat(context.getBeansOfType(EventChainSealer.class)).isEmpty();

            LedgerHttp http = new LedgerHttp(
                    ((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(http.get("/api/v1/compliance/verification", "compliance-cy")
                            .status())
                    .isEqualTo(501);
            assertThat(http.get("/api/v1/events", "integrator-ivy").status()).isEqualTo(501);
            assertThat(context.getBeansOfType(Checkpointer.class)).isEmpty();
            assertThat(http.get("/api/v1/log/checkpoint", "hr-hana").status()).isEqualTo(501);
            assertThat(http.get("/api/v1/client/engagements/eng-1/disclosures/u-1/receipt", "client-cara")
                            .status())
                    .isEqualTo(501);
        }
    }

    /**
     * A processor whose token store is empty asks the event store for its tail before it starts, and
     * gives up after 30 tries when Axon Server is unreachable. With its segments in place it starts,
     * and keeps trying to open its stream in the background.
     */
    private static void initializeTokens(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(dataSource::getConnection)
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
        Views.NAMES.forEach(name -> tokens.initializeTokenSegments(name, 4));
    }
}
