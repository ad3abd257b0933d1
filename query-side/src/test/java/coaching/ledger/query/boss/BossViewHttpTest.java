package coaching.ledger.query.boss;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The boss endpoints over HTTP; run on H2 and on PostgreSQL by the subclasses. */
abstract class BossViewHttpTest extends QuerySideHttpTest {

    private static final String ENGAGEMENTS = "/api/v1/boss/engagements";

    BossViewHttpTest() {
        super(ViewVersion.of(PartyView.BOSS));
    }

    @Test
    void theBossSeesTheirEngagementWithOnlyTheUpdatesForThem() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("boss")));

        JsonNode engagements = awaitJson(ENGAGEMENTS, "boss-ben", showsVersion(story.engagementId()));

        JsonNode row = engagement(engagements, story.engagementId());
        assertThat(row.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(row.path("selectedCoachId").asText()).isEqualTo("coach-cole");
        assertThat(row.path("budget").path("currency").asText()).isEqualTo("EUR");
        assertThat(row.path("updates").get(0).path("consentId").asText()).isEqualTo(EngagementStory.BOSS_CONSENT);
        JsonNode single =
                http.get(ENGAGEMENTS + "/" + story.engagementId(), "boss-ben").json();
        assertThat(single.path("version").asLong()).isEqualTo(versionOf(story));
        for (String body : new String[] {engagements.toString(), single.toString()}) {
            assertThat(body)
                    .contains(story.secrets().bossContent())
                    .doesNotContain(story.secrets().sessionNotes())
                    .doesNotContain(story.secrets().hrContent())
                    .doesNotContain(story.secrets().satisfactionComment());
        }
    }

    /** Issue 12's probe: a session logged (or anything else the boss does not see) must not move the boss's version. */
    @Test
    void theVersionMovesOnlyForWhatTheBossSees() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("boss-version")));
        awaitJson(ENGAGEMENTS, "boss-ben", showsVersion(story.engagementId()));
        long before = versionOf(story);
        String id = story.engagementId();
        append(
                id,
                List.of(
                        Step.of(
                                EngagementStory.COACH,
                                new SessionLogged(
                                        id, "session-2", "coach-cole", LocalDate.of(2026, 11, 9), 45, "unseen")),
                        Step.of(
                                EngagementStory.CLIENT,
                                new UpdateConsentRevoked(id, EngagementStory.HR_CONSENT, "unseen")),
                        Step.of(
                                EngagementStory.BOSS,
                                new UpdateRequested(
                                        id, "request-2", Audience.BOSS, "boss-ben", Scope.OUTCOME, "and now?")),
                        Step.of(
                                EngagementStory.COACH,
                                new DisclosureRefused(
                                        id,
                                        "update-2",
                                        Audience.BOSS,
                                        Scope.GOALS,
                                        "coach-cole",
                                        RefusalReason.SCOPE_NOT_COVERED)),
                        EngagementStory.rating(id, 5),
                        story.closure()));

        JsonNode closed = awaitJson(
                ENGAGEMENTS + "/" + id,
                "boss-ben",
                row -> row.path("status").asText().equals("CLOSED"));

        assertThat(closed.path("version").asLong())
                .as("only the closure moved it")
                .isEqualTo(before + 1);
    }

    @Test
    void anotherBossSeesNothingOfIt() {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("boss")));
        awaitJson(ENGAGEMENTS, "boss-ben", showsVersion(story.engagementId()));

        assertThat(engagement(http.get(ENGAGEMENTS, "boss-bea").json(), story.engagementId()))
                .isNull();
        assertStatus(http.get(ENGAGEMENTS + "/" + story.engagementId(), "boss-bea"), 404);
    }

    @Test
    void onlyABossMayReadTheBossView() {
        for (String user : new String[] {"hr-hana", "client-cara", "coach-cole", "compliance-cy"}) {
            assertStatus(http.get(ENGAGEMENTS, user), 403);
        }
        assertStatus(http.get(ENGAGEMENTS, null), 401);
    }

    @Test
    void anEngagementIdOfTheWrongShapeIsABadRequest() {
        var response = http.get(ENGAGEMENTS + "/bad*id", "boss-ben");

        assertStatus(response, 400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("engagementId");
    }

    /** Issue 14: the boss reads the sealed update for them; the table holds its envelope. */
    @Test
    void theBossReadsTheSealedUpdateForThem() {
        EngagementStory plain = EngagementStory.of(newEngagementId("boss-sealed"));
        tell(sealed(plain));

        JsonNode row = engagement(
                awaitJson(ENGAGEMENTS, "boss-ben", showsVersion(plain.engagementId())), plain.engagementId());

        assertThat(row.path("updates").get(0).path("content").asText())
                .isEqualTo("Progress: " + plain.secrets().bossContent());
        assertThat(row.toString())
                .doesNotContain(Sealer.PREFIX)
                .doesNotContain(plain.secrets().sessionNotes(), plain.secrets().hrContent());
        assertThat(stored("SELECT content FROM boss_update WHERE engagement_id = ?", plain.engagementId()))
                .startsWith(Sealer.PREFIX)
                .doesNotContain(plain.secrets().bossContent());
    }
}
