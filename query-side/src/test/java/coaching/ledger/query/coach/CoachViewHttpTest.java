package coaching.ledger.query.coach;

import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The coach endpoints over HTTP; run on H2 and on PostgreSQL by the subclasses. */
abstract class CoachViewHttpTest extends QuerySideHttpTest {

    private static final String ENGAGEMENTS = "/api/v1/coach/engagements";

    CoachViewHttpTest() {
        super(ViewVersion.of(PartyView.COACH));
    }

    @Test
    void theSelectedCoachSeesTheEngagementTheyWork() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("coach")));

        JsonNode engagements = awaitJson(ENGAGEMENTS, "coach-cole", showsVersion(story.engagementId()));

        JsonNode row = engagement(engagements, story.engagementId());
        assertThat(row.path("sessions").get(0).path("notes").asText())
                .contains(story.secrets().sessionNotes());
        assertThat(row.path("consentsInForce")).hasSize(2);
        assertThat(row.path("openRequests").get(0).path("requestId").asText()).isEqualTo("request-hr");
        assertThat(row.path("sharedUpdates"))
                .extracting(update -> update.path("updateId").asText() + " to "
                        + update.path("audience").asText() + " "
                        + update.path("scope").asText() + " by "
                        + update.path("sharedBy").asText())
                .containsExactly(
                        "update-boss to BOSS PROGRESS by coach-cole", "update-hr to HR ATTENDANCE by client-cara");
        assertThat(row.path("sharedUpdates").get(0).path("sharedAt").isTextual())
                .isTrue();
        assertThat(http.get(ENGAGEMENTS + "/" + story.engagementId(), "coach-cole")
                        .json()
                        .path("version")
                        .asLong())
                .isEqualTo(versionOf(story));
        assertThat(engagements.toString())
                .doesNotContain(story.secrets().bossContent())
                .doesNotContain(story.secrets().hrContent())
                .doesNotContain(story.secrets().satisfactionComment());
    }

    @Test
    void aCoachWhoWasOnlyShortlistedSeesNothingOfIt() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("coach")));
        awaitJson(ENGAGEMENTS, "coach-cole", showsVersion(story.engagementId()));

        assertThat(engagement(
                        http.get(ENGAGEMENTS, EngagementStory.SHORTLISTED_ONLY).json(), story.engagementId()))
                .isNull();
        assertStatus(http.get(ENGAGEMENTS + "/" + story.engagementId(), EngagementStory.SHORTLISTED_ONLY), 404);
    }

    @Test
    void onlyACoachMayReadTheCoachView() {
        for (String user : new String[] {"hr-hana", "boss-ben", "client-cara", "integrator-ivy"}) {
            assertStatus(http.get(ENGAGEMENTS, user), 403);
        }
        assertStatus(http.get(ENGAGEMENTS, null), 401);
    }

    /** Issue 14: the coach reads their sealed session notes and the open request; the tables hold envelopes. */
    @Test
    void theCoachReadsTheirSealedNotesAndTheOpenRequest() {
        EngagementStory plain = EngagementStory.of(newEngagementId("coach-sealed"));
        tell(sealed(plain));

        JsonNode row = engagement(
                awaitJson(ENGAGEMENTS, "coach-cole", showsVersion(plain.engagementId())), plain.engagementId());

        assertThat(row.path("sessions").get(0).path("notes").asText())
                .isEqualTo("Talked about " + plain.secrets().sessionNotes());
        assertThat(row.path("openRequests").get(0).path("message").asText()).isEqualTo("Which goals were agreed?");
        assertThat(row.toString())
                .doesNotContain(Sealer.PREFIX)
                .doesNotContain(plain.secrets().bossContent(), plain.secrets().hrContent());
        assertThat(stored("SELECT notes FROM coach_session WHERE engagement_id = ?", plain.engagementId()))
                .startsWith(Sealer.PREFIX)
                .doesNotContain(plain.secrets().sessionNotes());
    }
}
