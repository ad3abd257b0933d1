package coaching.ledger.query.hr;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.SseStream;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The HR endpoints over HTTP; run on H2 and on PostgreSQL by the subclasses. */
abstract class HrViewHttpTest extends QuerySideHttpTest {

    /**
     * The satisfaction score only the k-anonymity test gives: every test shares the database, and
     * no other test may add to this dashboard cell.
     */
    private static final int SCORE_RESERVED_FOR_DASHBOARD_TEST = 2;

    private static final String ENGAGEMENTS = "/api/v1/hr/engagements";

    @LocalServerPort
    private int port;

    HrViewHttpTest() {
        super(ViewVersion.of(PartyView.HR));
    }

    @Test
    void hrSeesLifecycleScoreAndItsOwnUpdatesButNothingConfidential() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("hr")));

        JsonNode engagements = awaitJson(ENGAGEMENTS, "hr-hana", showsVersion(story.engagementId()));

        JsonNode row = engagement(engagements, story.engagementId());
        assertThat(row.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(row.path("selectedCoachId").asText()).isEqualTo("coach-cole");
        assertThat(row.path("budget").path("sessions").asInt()).isEqualTo(10);
        assertThat(row.path("satisfactionScore").asInt()).isEqualTo(EngagementStory.SCORE);
        assertThat(row.path("version").asLong()).isEqualTo(versionOf(story));
        assertThat(row.path("updates")).hasSize(1);
        assertThat(engagements.toString())
                .contains(story.secrets().hrContent())
                .doesNotContain(story.secrets().sessionNotes())
                .doesNotContain(story.secrets().bossContent())
                .doesNotContain(story.secrets().satisfactionComment());
    }

    @Test
    void onlyHrMayReadTheHrView() {
        for (String path :
                List.of(ENGAGEMENTS, "/api/v1/hr/coaches", "/api/v1/hr/dashboard", ENGAGEMENTS + "/stream")) {
            assertStatus(http.get(path, "boss-ben"), 403);
            assertStatus(http.get(path, "client-cara"), 403);
            assertStatus(http.get(path, null), 401);
        }
    }

    @Test
    void theRosterAveragesSatisfactionOnlyFromThreeScores() {
        Actor coach = new Actor("coach-" + UUID.randomUUID().toString().substring(0, 8), Role.COACH);
        append(events.coach(
                EngagementStory.HR,
                new CoachRegistered(coach.id(), "Robin Roster", List.of(), 7, List.of("transitions"))));
        String first = tell(EngagementStory.of(newEngagementId("roster"), Purpose.DEVELOPMENTAL, 5, coach))
                .engagementId();
        String second = tell(EngagementStory.of(newEngagementId("roster"), Purpose.DEVELOPMENTAL, 4, coach))
                .engagementId();
        awaitJson(ENGAGEMENTS, "hr-hana", showsVersion(first, second));

        JsonNode twoScores = rosterEntry(coach.id());
        assertThat(twoScores.path("activeEngagements").asInt()).isEqualTo(2);
        assertThat(twoScores.path("averageSatisfaction").isNull()).isTrue();

        String third = tell(EngagementStory.of(newEngagementId("roster"), Purpose.DEVELOPMENTAL, 3, coach))
                .engagementId();
        awaitJson(ENGAGEMENTS, "hr-hana", showsVersion(third));

        JsonNode threeScores = rosterEntry(coach.id());
        assertThat(threeScores.path("activeEngagements").asInt()).isEqualTo(3);
        assertThat(threeScores.path("averageSatisfaction").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(threeScores.path("displayName").asText()).isEqualTo("Robin Roster");
        assertThat(threeScores.path("yearsExperience").asInt()).isEqualTo(7);
        assertThat(threeScores.path("specialties").get(0).asText()).isEqualTo("transitions");
    }

    @Test
    void aDashboardCellOfFourEngagementsIsSuppressedAndOfFiveShown() {
        String[] rated = new String[4];
        for (int i = 0; i < rated.length; i++) {
            rated[i] = tell(EngagementStory.of(
                            newEngagementId("kanon"), Purpose.DEVELOPMENTAL, SCORE_RESERVED_FOR_DASHBOARD_TEST))
                    .engagementId();
        }
        awaitJson(ENGAGEMENTS, "hr-hana", showsVersion(rated));
        JsonNode fourCell = reservedDashboardCell();
        assertThat(fourCell.path("suppressed").asBoolean()).isTrue();
        assertThat(fourCell.path("count").isNull()).isTrue();

        String fifth = tell(EngagementStory.of(
                        newEngagementId("kanon"), Purpose.DEVELOPMENTAL, SCORE_RESERVED_FOR_DASHBOARD_TEST))
                .engagementId();
        awaitJson(ENGAGEMENTS, "hr-hana", showsVersion(fifth));
        JsonNode fiveCell = reservedDashboardCell();
        assertThat(fiveCell.path("suppressed").asBoolean()).isFalse();
        assertThat(fiveCell.path("count").asInt()).isEqualTo(5);
    }

    @Test
    void theStreamPushesEachChangedRowWithoutConfidentialText() throws Exception {
        try (SseStream stream = SseStream.open(port, ENGAGEMENTS + "/stream", "hr-hana")) {
            assertThat(stream.status()).isEqualTo(200);
            EngagementStory story = tell(EngagementStory.of(newEngagementId("stream")));

            String lastRow = stream.awaitData(
                    data -> data.contains(story.engagementId()) && data.contains("\"version\":" + versionOf(story)));

            assertThat(lastRow)
                    .contains(story.secrets().hrContent())
                    .doesNotContain(story.secrets().sessionNotes())
                    .doesNotContain(story.secrets().bossContent())
                    .doesNotContain(story.secrets().satisfactionComment());
        }
    }

    private JsonNode reservedDashboardCell() {
        return http.get("/api/v1/hr/dashboard", "hr-hana")
                .json()
                .path("satisfaction")
                .path(String.valueOf(SCORE_RESERVED_FOR_DASHBOARD_TEST));
    }

    /** The coach's roster entry, once the view applied their registration (another segment than the engagements). */
    private JsonNode rosterEntry(String coachId) {
        return coachEntry(
                awaitJson("/api/v1/hr/coaches", "hr-hana", roster -> coachEntry(roster, coachId) != null), coachId);
    }

    private static JsonNode coachEntry(JsonNode roster, String coachId) {
        for (JsonNode coach : roster) {
            if (coach.path("coachId").asText().equals(coachId)) {
                return coach;
            }
        }
        return null;
    }

    /** Issue 14: the HR person it was shared with reads the sealed update; the table holds its envelope. */
    @Test
    void theHrRecipientReadsTheSealedUpdate() {
        EngagementStory plain = EngagementStory.of(newEngagementId("hr-sealed"));
        tell(sealed(plain));

        JsonNode row =
                engagement(awaitJson(ENGAGEMENTS, "hr-hana", showsVersion(plain.engagementId())), plain.engagementId());

        assertThat(row.path("updates").get(0).path("content").asText())
                .isEqualTo("Attendance: " + plain.secrets().hrContent());
        assertThat(row.toString())
                .doesNotContain(Sealer.PREFIX)
                .doesNotContain(plain.secrets().bossContent());
        assertThat(stored("SELECT content FROM hr_update WHERE engagement_id = ?", plain.engagementId()))
                .startsWith(Sealer.PREFIX)
                .doesNotContain(plain.secrets().hrContent());
    }
}
