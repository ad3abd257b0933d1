package coaching.ledger.query.client;

import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The client endpoint over HTTP; run on H2 and on PostgreSQL by the subclasses. */
abstract class ClientViewHttpTest extends QuerySideHttpTest {

    private static final String LIST = "/api/v1/client/engagements";
    private static final String ENGAGEMENTS = LIST + "/";

    ClientViewHttpTest() {
        super(ViewVersion.of(PartyView.CLIENT));
    }

    @Test
    void theClientSeesTheirWholeEngagement() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("client")));

        JsonNode engagement = awaitJson(
                ENGAGEMENTS + story.engagementId(),
                "client-cara",
                json -> json.path("version").asLong() >= versionOf(story));

        assertThat(engagement.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(engagement.path("consents")).hasSize(2);
        assertThat(engagement.path("disclosures")).hasSize(2);
        assertThat(engagement.path("refusals").get(0).path("reason").asText()).isEqualTo("SCOPE_NOT_COVERED");
        assertThat(engagement.path("openRequests").get(0).path("requestId").asText())
                .isEqualTo("request-hr");
        assertThat(engagement.toString())
                .contains(
                        story.secrets().sessionNotes(),
                        story.secrets().bossContent(),
                        story.secrets().hrContent(),
                        story.secrets().satisfactionComment());
    }

    @Test
    void anotherClientGetsNotFound() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("client")));
        awaitJson(
                ENGAGEMENTS + story.engagementId(),
                "client-cara",
                json -> json.path("version").asLong() >= versionOf(story));

        assertStatus(http.get(ENGAGEMENTS + story.engagementId(), "client-carl"), 404);
        assertStatus(http.get(ENGAGEMENTS + newEngagementId("missing"), "client-cara"), 404);
    }

    @Test
    void theClientListsTheirEngagementsAndAnotherClientNeverSeesThem() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("client-list")));

        JsonNode engagements = awaitJson(LIST, "client-cara", showsVersion(story.engagementId()));

        JsonNode row = engagement(engagements, story.engagementId());
        assertThat(row.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(row.path("selectedCoachId").asText()).isEqualTo("coach-cole");
        assertThat(row.path("openedAt").isTextual()).isTrue();
        assertThat(row.has("sessions")).isFalse();
        assertThat(engagements.toString()).doesNotContain(story.secrets().sessionNotes());
        assertThat(engagement(http.get(LIST, "client-carl").json(), story.engagementId()))
                .isNull();
    }

    @Test
    void onlyAClientMayReadTheClientView() {
        for (String user : new String[] {"hr-hana", "boss-ben", "coach-cole", "compliance-cy", "admin-ada"}) {
            assertStatus(http.get(ENGAGEMENTS + "eng-1", user), 403);
            assertStatus(http.get(LIST, user), 403);
        }
        assertStatus(http.get(ENGAGEMENTS + "eng-1", null), 401);
        assertStatus(http.get(LIST, null), 401);
    }

    @Test
    void anEngagementIdOfTheWrongShapeIsABadRequest() {
        var response = http.get(ENGAGEMENTS + "x".repeat(65), "client-cara");

        assertStatus(response, 400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("engagementId");
    }

    /** Issue 14: the client reads every sealed text of their engagement; the tables hold envelopes. */
    @Test
    void theClientReadsEverySealedTextOfTheirEngagement() {
        EngagementStory plain =
                EngagementStory.of(newEngagementId("client-sealed")).revokedAndClosed();
        tell(sealed(plain));

        JsonNode engagement = awaitJson(
                ENGAGEMENTS + plain.engagementId(),
                "client-cara",
                json -> json.path("version").asLong() >= versionOf(plain));

        List<String> texts = plain.confidentialTexts();
        assertThat(engagement.toString())
                .contains(
                        plain.secrets().sessionNotes(),
                        plain.secrets().bossContent(),
                        plain.secrets().hrContent(),
                        plain.secrets().satisfactionComment(),
                        "Which goals were agreed?")
                .contains(texts.subList(texts.size() - 2, texts.size()))
                .doesNotContain(Sealer.PREFIX);
        for (String column : new String[] {"close_reason", "satisfaction_comment"}) {
            assertThat(stored(
                            "SELECT " + column + " FROM client_engagement WHERE engagement_id = ?",
                            plain.engagementId()))
                    .startsWith(Sealer.PREFIX);
        }
        assertThat(stored(
                        "SELECT revoke_reason FROM client_consent WHERE engagement_id = ? AND consent_id = ?",
                        plain.engagementId(),
                        EngagementStory.HR_CONSENT))
                .startsWith(Sealer.PREFIX);
    }
}
