package coaching.ledger.service.command;

import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.TestDatabases;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command instances on one PostgreSQL store, each keeping the engagements it loaded in memory: a command on
 * one instance is judged on what the other recorded in between, never on the engagement as it cached it.
 */
class TwoInstancesTest {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        String url = TestDatabases.postgresUrl() + "?currentSchema=" + TestDatabases.newPostgresSchema();
        first = start(url);
        second = start(url);
    }

    private static ConfigurableApplicationContext start(String url) {
        return SpringApplication.run(
                CommandServiceApplication.class,
                "--server.port=0",
                "--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabases.postgresUser(),
                "--spring.datasource.password=" + TestDatabases.postgresPassword());
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void aCoachSelectedThroughOneInstanceSharesThroughTheOtherThatCachedTheEngagementBefore() {
        LedgerHttp one = http(first);
        LedgerHttp other = http(second);
        for (String coach : new String[] {"coach-cole", "coach-chen"}) {
            expect(201, one.post("/api/v1/coaches", "hr-hana", """
                    {"coachId":"%s","displayName":"%s","certifications":[{"body":"ICF","credential":"PCC","validUntil":"2030-01-01"}],
                     "yearsExperience":10,"specialties":["leadership"]}""".formatted(coach, coach)));
        }
        String engagement = "/api/v1/engagements/eng-two/";
        expect(201, one.post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"eng-two","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}"""));
        expect(201, one.post(engagement + "shortlist", "hr-hana", "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        assertThat(first.getBean("engagementCache", Cache.class).containsKey("eng-two"))
                .as("the first instance holds the engagement, before any coach was selected")
                .isTrue();

        expect(201, other.post(engagement + "coach-selection", "client-cara", "{\"coachId\":\"coach-cole\"}"));
        expect(201, other.post(engagement + "budget-approval", "boss-ben", """
                {"sessions":2,"amount":12000.00,"currency":"EUR"}"""));
        expect(201, other.post(engagement + "consents", "client-cara", """
                {"consentId":"c-1","audience":"BOSS","scopes":["PROGRESS"],"purpose":"quarterly review"}"""));

        // judged on what the other instance recorded: as cached, coach-cole is not (yet) the selected coach, which
        // would be refused with nothing appended, so no conflict on the store's key would ever correct it
        expect(201, one.post(engagement + "updates", "coach-cole", """
                {"updateId":"u-1","audience":"BOSS","scope":"PROGRESS","content":"on track"}"""));
    }

    private static LedgerHttp http(ConfigurableApplicationContext context) {
        return new LedgerHttp(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static LedgerHttp.Response expect(int status, LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
