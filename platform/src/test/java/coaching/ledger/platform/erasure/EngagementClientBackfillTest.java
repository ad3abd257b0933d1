package coaching.ledger.platform.erasure;

import coaching.ledger.platform.testing.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Engagements opened before engagement_client existed are found by their client once V7 has run. */
class EngagementClientBackfillTest {

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void engagementsOpenedBeforeTheTableExistedAreBackfilledFromTheirOpeningEvents(String vendor) {
        try (HikariDataSource pool = pool(vendor)) {
            migrate(pool, vendor, "6");
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            opened(jdbc, 0, "eng-1", "client-cara");
            opened(jdbc, 1, "eng-2", "client-cara");
            opened(jdbc, 2, "eng-3", "client-carl");
            jdbc.update(
                    "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,"
                            + " payloadRevision, payloadType, timeStamp) VALUES (?, 1, 'Engagement', ?, ?, '1', ?, ?)",
                    "eng-1",
                    UUID.randomUUID().toString(),
                    "{\"engagementId\":\"eng-1\",\"coachIds\":[]}".getBytes(StandardCharsets.UTF_8),
                    "coaching.ledger.kernel.selection.CoachesShortlisted",
                    "2026-01-01T00:00:00Z");

            migrate(pool, vendor, "latest");

            List<Map<String, Object>> rows =
                    jdbc.queryForList("SELECT engagement_id, client_id FROM engagement_client ORDER BY engagement_id");
            assertThat(rows)
                    .extracting(row -> row.get("engagement_id") + "->" + row.get("client_id"))
                    .containsExactly("eng-1->client-cara", "eng-2->client-cara", "eng-3->client-carl");
        }
    }

    private static void opened(JdbcTemplate jdbc, int n, String engagementId, String clientId) {
        String payload = "{\"engagementId\":\"" + engagementId + "\",\"clientId\":\"" + clientId
                + "\",\"bossId\":\"boss-ben\",\"hrId\":\"hr-hana\",\"purpose\":\"LEADERSHIP\",\"urgency\":\"NORMAL\"}";
        jdbc.update(
                "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,"
                        + " payloadRevision, payloadType, timeStamp) VALUES (?, 0, 'Engagement', ?, ?, '1', ?, ?)",
                engagementId,
                UUID.randomUUID().toString(),
                payload.getBytes(StandardCharsets.UTF_8),
                EngagementClientBackfill.ENGAGEMENT_OPENED,
                "2026-01-0" + (n + 1) + "T00:00:00Z");
    }

    private static void migrate(HikariDataSource pool, String vendor, String target) {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + vendor)
                .target(target)
                .load()
                .migrate();
    }

    private static HikariDataSource pool(String vendor) {
        HikariDataSource pool = new HikariDataSource();
        if (vendor.equals("h2")) {
            pool.setJdbcUrl("jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            pool.setUsername("sa");
        } else {
            pool.setJdbcUrl(TestDatabases.postgresUrl() + "?currentSchema=" + TestDatabases.newPostgresSchema());
            pool.setUsername(TestDatabases.postgresUser());
            pool.setPassword(TestDatabases.postgresPassword());
        }
        return pool;
    }
}
