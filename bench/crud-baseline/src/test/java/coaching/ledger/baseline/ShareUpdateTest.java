package coaching.ledger.baseline;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline's share-update contract over real HTTP on the local PostgreSQL (a schema of its own
 * per run): recorded with its audit rows, a retry answered without a second row, refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShareUpdateTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA =
            "crud_baseline_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry properties) throws Exception {
        try (var connection = DriverManager.getConnection(URL, "postgres", "")) {
            connection.createStatement().execute("CREATE SCHEMA " + SCHEMA);
        }
        properties.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection(URL, "postgres", "")) {
            connection.createStatement().execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String engagement;

    @BeforeEach
    void seedOneEngagement() throws Exception {
        String prefix = "e-" + UUID.randomUUID() + "-";
        assertThat(post("hr-hana", "/bench/seed", "{\"prefix\":\"" + prefix + "\",\"count\":1}")
                        .statusCode())
                .isEqualTo(201);
        engagement = prefix + 0;
    }

    @Test
    void theCoachSharesUnderTheConsentAndEnversAuditsIt() throws Exception {
        HttpResponse<String> shared = share("coach-cole", "u-1", "BOSS", "PROGRESS", "on track");

        assertThat(shared.statusCode()).isEqualTo(201);
        assertThat(shared.body()).contains("\"updateId\":\"u-1\"");
        assertThat(jdbc.queryForObject(
                        "SELECT r.actor FROM shared_update_aud a JOIN revinfo r ON r.id = a.rev"
                                + " JOIN shared_update s ON s.id = a.id WHERE s.engagement_id = ? AND a.revtype = 0",
                        String.class,
                        engagement))
                .isEqualTo("coach-cole");
    }

    @Test
    void aRetryOfTheSameUpdateAnswersTheSameBodyAndKeepsOneRow() throws Exception {
        HttpResponse<String> first = share("coach-cole", "u-1", "BOSS", "PROGRESS", "on track");
        HttpResponse<String> retry = share("coach-cole", "u-1", "BOSS", "PROGRESS", "on track");
        HttpResponse<String> other = share("coach-cole", "u-1", "BOSS", "PROGRESS", "something else");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(rows("shared_update")).isEqualTo(1);
        assertThat(rows("shared_update_aud")).isEqualTo(1);
    }

    @Test
    void withoutAConsentForTheAudienceNothingIsShared() throws Exception {
        HttpResponse<String> refused = share("coach-cole", "u-1", "HR", "PROGRESS", "on track");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"reason\":\"NO_CONSENT\"");
        assertThat(share("coach-cole", "u-2", "BOSS", "GOALS", "on track").statusCode())
                .as("the consent covers PROGRESS only")
                .isEqualTo(403);
        assertThat(rows("shared_update")).isZero();
    }

    @Test
    void anotherCoachIsRefusedAndABadBodyNamesTheField() throws Exception {
        HttpResponse<String> wrongCoach = share("coach-chen", "u-1", "BOSS", "PROGRESS", "on track");
        HttpResponse<String> badAudience = share("coach-cole", "u-1", "EVERYONE", "PROGRESS", "on track");

        assertThat(wrongCoach.statusCode()).isEqualTo(403);
        assertThat(wrongCoach.body()).contains("NOT_SELECTED_COACH");
        assertThat(badAudience.statusCode()).isEqualTo(400);
        assertThat(badAudience.body()).contains("\"field\":\"audience\"");
        assertThat(rows("shared_update")).isZero();
    }

    private long rows(String table) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + table + " WHERE engagement_id = ?", Long.class, engagement);
    }

    private HttpResponse<String> share(String user, String updateId, String audience, String scope, String content)
            throws Exception {
        return post(
                user,
                "/api/v1/engagements/" + engagement + "/updates",
                "{\"updateId\":\"%s\",\"audience\":\"%s\",\"scope\":\"%s\",\"content\":\"%s\"}"
                        .formatted(updateId, audience, scope, content));
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
