package coaching.ledger.app;

import coaching.ledger.command.engagement.Engagement;
import coaching.ledger.command.engagement.StoreCheckedCache;
import coaching.ledger.platform.axon.JdbcEventStorage;
import coaching.ledger.platform.fingerprint.Fingerprints;
import coaching.ledger.platform.security.CachingAuthenticationProvider;
import coaching.ledger.platform.security.signin.ThrottlingAuthenticationProvider;
import coaching.ledger.platform.testing.LedgerHttp;
import org.awaitility.Awaitility;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.test.util.ReflectionTestUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the Boot 4 ordering bridge works: without it Axon silently runs with no event store. */
interface StorageScenarios extends LedgerScenario {

    @Test
    default void eventsGoToTheJdbcEventStoreInRealTransactions() {
        assertThat(context().getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context().getBeanProvider(JdbcEventStorage.class).getIfAvailable())
                .as("the tuned event store")
                .isNotNull();
        assertThat(context().getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context().getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
    }

    /** Engagements stay in memory, checked against the store before use, as in every command process. */
    @Test
    default void cachesEngagementsCheckedAgainstTheStore() {
        assertThat(context().getBean("engagementCache")).isInstanceOf(StoreCheckedCache.class);
    }

    /** No other query instance shares its views: one segment each spares every batch three more queues and commits. */
    @Test
    default void eachViewRunsOnOneSegment() {
        EventProcessingConfiguration processing = context().getBean(EventProcessingConfiguration.class);
        for (String view : List.of("hr", "boss", "client", "coach", "compliance")) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(processing.tokenStore(view).fetchSegments(view))
                            .as(view)
                            .hasSize(1));
        }
    }

    /** HTTP Basic goes through the credential cache: bcrypt on every request would dominate a command. */
    @Test
    default void basicAuthenticationIsThrottledThenUsesTheCredentialCache() {
        BasicAuthenticationFilter basic =
                context().getBean("ledgerSecurity", SecurityFilterChain.class).getFilters().stream()
                        .filter(BasicAuthenticationFilter.class::isInstance)
                        .map(BasicAuthenticationFilter.class::cast)
                        .findFirst()
                        .orElseThrow();
        ProviderManager manager = (ProviderManager) ReflectionTestUtils.getField(basic, "authenticationManager");
        assertThat(manager.getProviders())
                .singleElement()
                .isInstanceOf(ThrottlingAuthenticationProvider.class)
                .extracting("delegate")
                .isInstanceOf(CachingAuthenticationProvider.class);
    }

    /** A long engagement is snapshotted, and later commands still load and judge it correctly. */
    @Test
    default void aLongEngagementIsSnapshottedAndStillObeysItsRules() {
        String id = activeEngagement(2);
        grantBossConsent(id, "c-1", "\"PROGRESS\"");
        for (int request = 0; request < 110; request++) {
            expect(
                    201,
                    http().post(
                                    path(id, "update-requests"),
                                    "boss-ben",
                                    "{\"requestId\":\"r-%d\",\"scope\":\"PROGRESS\",\"message\":\"how is it going?\"}"
                                            .formatted(request)));
        }
        JdbcTemplate jdbc = new JdbcTemplate(context().getBean(DataSource.class));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                                Long.class,
                                id))
                        .isEqualTo(1));

        // the snapshot has the current state shape and names its fingerprint key, never holds content
        assertThat(jdbc.queryForObject(
                        "SELECT payloadRevision FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                        String.class,
                        id))
                .isEqualTo("4");
        String snapshot = new String(
                jdbc.queryForObject(
                        "SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", byte[].class, id),
                StandardCharsets.UTF_8);
        assertThat(snapshot)
                .contains("\"fingerprintKeyId\":\""
                        + context().getBean(Fingerprints.class).keyId() + "\"")
                .doesNotContain("how is it going?");
        EventStore events = context().getBean(EventStore.class);
        assertThat(events.readEvents(id).peek().getPayload()).isInstanceOf(Engagement.class);
        // Axon's configured store ignores a snapshot of another revision (the filter replaces Axon's own)
        jdbc.update("UPDATE SnapshotEventEntry SET payloadRevision = '1' WHERE aggregateIdentifier = ?", id);
        assertThat(events.readEvents(id).peek().getPayload()).isNotInstanceOf(Engagement.class);
        jdbc.update("UPDATE SnapshotEventEntry SET payloadRevision = '3' WHERE aggregateIdentifier = ?", id);

        LedgerHttp.Response repeat = expect(
                200,
                http().post(
                                path(id, "update-requests"),
                                "boss-ben",
                                "{\"requestId\":\"r-7\",\"scope\":\"PROGRESS\",\"message\":\"how is it going?\"}"));
        assertThat(repeat.json().get("version").asLong())
                .as("the boss's view shows no requests")
                .isEqualTo(3);
        expect(
                201,
                http().post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-1\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"fine\"}"));
        expect(201, http().post(path(id, "consents/c-1/revocation"), "client-cara", "{}"));
        expect(
                403,
                http().post(
                                path(id, "updates"),
                                "coach-cole",
                                "{\"updateId\":\"u-2\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"fine\"}"));
    }
}
