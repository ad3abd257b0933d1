package coaching.ledger.query.boss;

import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.engagement.Budget;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Json;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.ViewVersion;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BossProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final BossView view = new BossView(harness.jdbc(), harness.texts());

    BossProjectionTest() {
        harness.project(BossProjection::new);
    }

    @Test
    void declaresNoHandlerForSessionsConsentsRequestsRefusalsOrSatisfaction() {
        assertThat(harness.handles(SessionLogged.class)).isFalse();
        assertThat(harness.handles(UpdateConsentGranted.class)).isFalse();
        assertThat(harness.handles(UpdateRequested.class)).isFalse();
        assertThat(harness.handles(DisclosureRefused.class)).isFalse();
        assertThat(harness.handles(SatisfactionRecorded.class)).isFalse();
    }

    @Test
    void theBossSeesHowItIsGoingAndTheUpdateSharedWithThem() {
        EngagementStory story = EngagementStory.of("eng-boss");
        harness.tell(story);

        BossEngagement engagement = view.engagementOf("boss-ben", "eng-boss").orElseThrow();
        assertThat(engagement.status()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(engagement.clientId()).isEqualTo("client-cara");
        assertThat(engagement.selectedCoachId()).isEqualTo("coach-cole");
        assertThat(engagement.budget()).isEqualTo(new Budget(10, new BigDecimal("6000.00"), "EUR"));
        assertThat(engagement.version()).isEqualTo(story.versionIn(ViewVersion.of(PartyView.BOSS)));
        assertThat(engagement.updates()).singleElement().satisfies(update -> {
            assertThat(update.updateId()).isEqualTo("update-boss");
            assertThat(update.scope()).isEqualTo(Scope.PROGRESS);
            assertThat(update.content()).contains(story.secrets().bossContent());
            assertThat(update.sharedBy()).isEqualTo("coach-cole");
            assertThat(update.sharedAt()).isNotNull();
            assertThat(update.consentId()).isEqualTo(EngagementStory.BOSS_CONSENT);
        });
    }

    @Test
    void keepsNoSessionNotesNoHrUpdateAndNoComment() {
        EngagementStory story = EngagementStory.of("eng-boss-leak");
        harness.tell(story);

        String stored = harness.contentsOf(BossProjection.TABLES);
        String shown = Json.of(view.engagementsOf("boss-ben"));
        for (String text : List.of(stored, shown)) {
            assertThat(text)
                    .contains(story.secrets().bossContent())
                    .doesNotContain(story.secrets().sessionNotes())
                    .doesNotContain(story.secrets().hrContent())
                    .doesNotContain(story.secrets().satisfactionComment());
        }
    }

    @Test
    void anotherBossSeesNothingOfIt() {
        harness.tell(EngagementStory.of("eng-boss-other"));

        assertThat(view.engagementsOf("boss-bea")).isEmpty();
        assertThat(view.engagementOf("boss-bea", "eng-boss-other")).isEmpty();
    }

    @Test
    void handlingEveryEventTwiceChangesNothing() {
        EngagementStory story = EngagementStory.of("eng-boss-twice");
        harness.tell(story);
        harness.tell(story.engagementId(), story.closure());
        String once = harness.contentsOf(BossProjection.TABLES);

        harness.redeliverAll();

        assertThat(harness.contentsOf(BossProjection.TABLES)).isEqualTo(once);
        assertThat(view.engagementOf("boss-ben", "eng-boss-twice").orElseThrow().status())
                .isEqualTo(EngagementStatus.CLOSED);
    }

    /** Issue 14: the boss reads the update addressed to them; the view keeps it sealed and nothing else of the story. */
    @Test
    void theBossReadsTheSealedUpdateForThemWhichTheViewKeepsSealed() {
        EngagementStory plain = EngagementStory.of("eng-boss-sealed").revokedAndClosed();
        harness.tell(plain.sealedBy(harness.sealer()));

        BossEngagement engagement =
                view.engagementOf("boss-ben", plain.engagementId()).orElseThrow();
        assertThat(engagement.updates())
                .extracting(BossUpdate::content)
                .containsExactly("Progress: " + plain.secrets().bossContent());
        assertThat(harness.contentsOf(BossProjection.TABLES)).doesNotContain(plain.confidentialTexts());
        assertThat(harness.jdbc()
                        .sql("SELECT content FROM boss_update")
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(stored -> assertThat(Sealer.isEnvelope(stored)).isTrue());
        assertThat(view.engagementOf("boss-bea", plain.engagementId())).isEmpty();
    }

    /** Issue 14: after the client's erasure the boss's update reads as null, named under erased. */
    @Test
    void anErasedClientsUpdateIsNamedAsErased() {
        EngagementStory plain = EngagementStory.of("eng-boss-erased");
        harness.tell(plain.sealedBy(harness.sealer()));

        harness.eraseKeyOf(EngagementStory.CLIENT.id());

        BossEngagement engagement =
                view.engagementOf("boss-ben", plain.engagementId()).orElseThrow();
        assertThat(engagement.erased()).containsExactly("updates[update-boss].content");
        assertThat(engagement.updates()).extracting(BossUpdate::content).containsOnlyNulls();
        assertThat(view.engagementsOf("boss-ben"))
                .singleElement()
                .satisfies(listed -> assertThat(listed.erased()).containsExactly("updates[update-boss].content"));
    }
}
