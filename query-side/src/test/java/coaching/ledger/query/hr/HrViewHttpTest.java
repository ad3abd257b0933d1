package coaching.ledger.query.hr;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.SseStream;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

        JsonNode engagements = awaitJson(listOf(story.engagementId()), "hr-hana", showsVersion(story.engagementId()));

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
        awaitShown(first, second);

        JsonNode twoScores = rosterEntry(coach.id());
        assertThat(twoScores.path("activeEngagements").asInt()).isEqualTo(2);
        assertThat(twoScores.path("averageSatisfaction").isNull()).isTrue();

        String third = tell(EngagementStory.of(newEngagementId("roster"), Purpose.DEVELOPMENTAL, 3, coach))
                .engagementId();
        awaitShown(third);

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
        awaitShown(rated);
        JsonNode fourCell = reservedDashboardCell();
        assertThat(fourCell.path("suppressed").asBoolean()).isTrue();
        assertThat(fourCell.path("count").isNull()).isTrue();

        String fifth = tell(EngagementStory.of(
                        newEngagementId("kanon"), Purpose.DEVELOPMENTAL, SCORE_RESERVED_FOR_DASHBOARD_TEST))
                .engagementId();
        awaitShown(fifth);
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

    @Test
    void theListAnswersAPageFilteredAndSortedWithItsTotalAndLinks() {
        String prefix = newEngagementId("paged");
        List<String> active = List.of(prefix + "-a0", prefix + "-a1", prefix + "-a2");
        List<String> opened = List.of(prefix + "-o0", prefix + "-o1");
        active.forEach(id -> tell(EngagementStory.of(id)));
        opened.forEach(id -> append(id, EngagementStory.of(id).steps().subList(0, 1)));
        awaitShown(active.toArray(String[]::new));
        awaitShown(opened.toArray(String[]::new));
        String byId = listOf(prefix) + "&size=2&sort=engagementId";

        LedgerHttp.Response first = http.get(byId, "hr-hana");
        assertStatus(first, 200);
        assertThat(ids(first)).containsExactly(active.get(0), active.get(1));
        assertThat(first.header("X-Total-Count")).isEqualTo("5");
        assertThat(first.header("Link"))
                .isEqualTo("<" + ENGAGEMENTS + "?page=1&size=2&sort=engagementId&engagementId=" + prefix
                        + ">; rel=\"next\"");

        LedgerHttp.Response middle = http.get(byId + "&page=1", "hr-hana");
        assertThat(ids(middle)).containsExactly(active.get(2), opened.get(0));
        assertThat(middle.header("Link"))
                .contains("page=2&size=2&sort=engagementId&engagementId=" + prefix + ">; rel=\"next\"")
                .contains("page=0&size=2&sort=engagementId&engagementId=" + prefix + ">; rel=\"prev\"");

        LedgerHttp.Response last = http.get(byId + "&page=2", "hr-hana");
        assertThat(ids(last)).containsExactly(opened.get(1));
        assertThat(last.header("Link"))
                .doesNotContain("next")
                .contains("page=1&")
                .contains("rel=\"prev\"");

        LedgerHttp.Response pastTheEnd = http.get(byId + "&page=9", "hr-hana");
        assertThat(ids(pastTheEnd)).isEmpty();
        assertThat(pastTheEnd.header("X-Total-Count")).isEqualTo("5");
        assertThat(pastTheEnd.header("Link"))
                .startsWith("<" + ENGAGEMENTS + "?page=2&")
                .endsWith("rel=\"prev\"");
        assertThat(ids(http.get(byId + "&page=" + Integer.MAX_VALUE, "hr-hana")))
                .as("an offset past any int")
                .isEmpty();

        assertThat(ids(http.get(listOf(prefix) + "&status=OPENED", "hr-hana"))).containsExactlyElementsOf(opened);
        for (String both : List.of("&status=OPENED,ACTIVE", "&status=OPENED&status=ACTIVE")) {
            LedgerHttp.Response either = http.get(listOf(prefix) + both, "hr-hana");
            assertThat(either.header("X-Total-Count")).isEqualTo("5");
            assertThat(either.header("Link")).isNull();
        }
        LedgerHttp.Response closed = http.get(listOf(prefix) + "&status=CLOSED", "hr-hana");
        assertThat(ids(closed)).isEmpty();
        assertThat(closed.header("X-Total-Count")).isEqualTo("0");

        assertThat(ids(http.get(listOf(prefix) + "&sort=-engagementId", "hr-hana")))
                .containsExactly(opened.get(1), opened.get(0), active.get(2), active.get(1), active.get(0));
        assertThat(ids(http.get(listOf(prefix) + "&sort=status", "hr-hana"))).startsWith(opened.toArray(String[]::new));
        assertThat(ids(http.get(listOf(prefix) + "&sort=-status", "hr-hana"))).endsWith(opened.get(1), opened.get(0));
        assertThat(ids(http.get(listOf(prefix) + "&sort=-openedAt&status=ACTIVE", "hr-hana")))
                .containsExactlyInAnyOrderElementsOf(active);
    }

    /** 101 engagements of one prefix: the default page holds 50, and no page more than 100. */
    @Test
    void theDefaultPageHoldsFiftyRowsAndNoPageMoreThanAHundred() {
        String prefix = newEngagementId("many");
        for (int i = 0; i < 101; i++) {
            String engagementId = prefix + "-" + String.format("%03d", i);
            append(engagementId, EngagementStory.of(engagementId).steps().subList(0, 1));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "101".equals(http.get(listOf(prefix), "hr-hana").header("X-Total-Count")));

        LedgerHttp.Response defaultPage = http.get(listOf(prefix), "hr-hana");
        assertThat(defaultPage.json()).hasSize(50);
        assertThat(defaultPage.header("Link"))
                .isEqualTo(
                        "<" + ENGAGEMENTS + "?page=1&size=50&sort=openedAt&engagementId=" + prefix + ">; rel=\"next\"");
        assertThat(http.get(listOf(prefix) + "&size=100", "hr-hana").json()).hasSize(100);
        assertThat(http.get(listOf(prefix) + "&size=100&page=1", "hr-hana").json())
                .hasSize(1);

        LedgerHttp.Response everyone = http.get(ENGAGEMENTS, "hr-hana");
        assertThat(everyone.json().size()).isEqualTo(50);
        assertThat(Long.parseLong(everyone.header("X-Total-Count"))).isGreaterThanOrEqualTo(101);
    }

    @Test
    void aBadListParameterIsRefusedNamingIt() {
        Map<String, String> fieldOf = new LinkedHashMap<>();
        fieldOf.put("page=-1", "page");
        fieldOf.put("page=first", "page");
        fieldOf.put("size=0", "size");
        fieldOf.put("size=101", "size");
        fieldOf.put("size=many", "size");
        fieldOf.put("status=PAUSED", "status");
        fieldOf.put("status=active", "status");
        fieldOf.put("status=OPENED,", "status");
        fieldOf.put("sort=opened_at", "sort");
        fieldOf.put("sort=openedAt;DROP%20TABLE%20hr_engagement", "sort");
        fieldOf.put("engagementId=bad*id", "engagementId");
        fieldOf.forEach((query, field) -> {
            LedgerHttp.Response response = http.get(ENGAGEMENTS + "?" + query, "hr-hana");
            assertStatus(response, 400);
            assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
            assertThat(response.json().path("errors").get(0).path("field").asText())
                    .as(query)
                    .isEqualTo(field);
        });
    }

    private static List<String> ids(LedgerHttp.Response response) {
        assertStatus(response, 200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(row -> ids.add(row.path("engagementId").asText()));
        return ids;
    }

    /** The list narrowed to the engagements whose id starts so: the shared database holds more than a page. */
    private static String listOf(String engagementIdPrefix) {
        return ENGAGEMENTS + "?engagementId=" + engagementIdPrefix;
    }

    private void awaitShown(String... engagementIds) {
        for (String engagementId : engagementIds) {
            awaitJson(listOf(engagementId), "hr-hana", showsVersion(engagementId));
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

        JsonNode row = engagement(
                awaitJson(listOf(plain.engagementId()), "hr-hana", showsVersion(plain.engagementId())),
                plain.engagementId());

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
