package coaching.ledger.query.coach;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.engagement.OpenUpdateRequest;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Json;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CoachProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final CoachView view = new CoachView(harness.jdbc(), harness.texts());

    CoachProjectionTest() {
        harness.project(CoachProjection::new);
    }

    @Test
    void theSelectedCoachSeesTheirSessionsConsentsInForceAndOpenRequests() {
        EngagementStory story = EngagementStory.of("eng-coach");
        harness.tell(story);

        CoachEngagement engagement =
                view.engagementOf("coach-cole", "eng-coach").orElseThrow();
        assertThat(engagement.status()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(engagement.clientId()).isEqualTo("client-cara");
        assertThat(engagement.version()).isEqualTo(story.versionIn(ViewVersion.of(PartyView.COACH)));
        assertThat(engagement.sessions())
                .singleElement()
                .satisfies(session ->
                        assertThat(session.notes()).contains(story.secrets().sessionNotes()));
        assertThat(engagement.consentsInForce())
                .extracting(CoachEngagement.ConsentInForce::audience)
                .containsExactly(Audience.BOSS, Audience.HR);
        assertThat(engagement.consentsInForce().get(0).scopes()).containsExactly(Scope.PROGRESS, Scope.OUTCOME);
        assertThat(engagement.openRequests())
                .extracting(OpenUpdateRequest::requestId)
                .containsExactly("request-hr");
    }

    @Test
    void theCoachSeesWhichUpdatesWereSharedWithWhomButNotWhatTheySaid() {
        EngagementStory story = EngagementStory.of("eng-coach-shared");
        harness.tell(story);

        assertThat(view.engagementOf("coach-cole", "eng-coach-shared")
                        .orElseThrow()
                        .sharedUpdates())
                .satisfiesExactly(
                        boss -> {
                            assertThat(boss.updateId()).isEqualTo("update-boss");
                            assertThat(boss.audience()).isEqualTo(Audience.BOSS);
                            assertThat(boss.scope()).isEqualTo(Scope.PROGRESS);
                            assertThat(boss.sharedBy()).isEqualTo("coach-cole");
                            assertThat(boss.sharedAt()).isNotNull();
                        },
                        hr -> {
                            assertThat(hr.updateId()).isEqualTo("update-hr");
                            assertThat(hr.audience()).isEqualTo(Audience.HR);
                            assertThat(hr.scope()).isEqualTo(Scope.ATTENDANCE);
                            assertThat(hr.sharedBy()).isEqualTo("client-cara");
                        });
        assertThat(CoachEngagement.SharedUpdate.class.getRecordComponents())
                .extracting(component -> component.getName())
                .containsExactly("updateId", "audience", "scope", "sharedBy", "sharedAt");
    }

    @Test
    void keepsNoUpdateContentAndNoComment() {
        EngagementStory story = EngagementStory.of("eng-coach-leak");
        harness.tell(story);

        String stored = harness.contentsOf(CoachProjection.TABLES);
        String shown = Json.of(view.engagementsOf("coach-cole"));
        for (String text : new String[] {stored, shown}) {
            assertThat(text)
                    .doesNotContain(story.secrets().bossContent())
                    .doesNotContain(story.secrets().hrContent())
                    .doesNotContain(story.secrets().satisfactionComment());
        }
    }

    @Test
    void aCoachWhoWasOnlyShortlistedSeesNothing() {
        harness.tell(EngagementStory.of("eng-coach-shortlist"));

        assertThat(view.engagementsOf(EngagementStory.SHORTLISTED_ONLY)).isEmpty();
        assertThat(view.engagementOf(EngagementStory.SHORTLISTED_ONLY, "eng-coach-shortlist"))
                .isEmpty();
    }

    @Test
    void sessionsOfAnotherCoachAreNotListed() {
        EngagementStory story = EngagementStory.of("eng-coach-sessions");
        harness.tell(story);
        harness.tell(
                story.engagementId(),
                Step.of(
                        new Actor("coach-chen", Role.COACH),
                        new SessionLogged(
                                story.engagementId(),
                                "session-other",
                                "coach-chen",
                                LocalDate.of(2026, 11, 3),
                                30,
                                "not cole's")));

        assertThat(view.engagementOf("coach-cole", story.engagementId())
                        .orElseThrow()
                        .sessions())
                .extracting(CoachEngagement.Session::sessionId)
                .containsExactly("session-1");
    }

    @Test
    void revokedExpiredAndEndedConsentsAreNoLongerInForce() {
        EngagementStory story = EngagementStory.of("eng-coach-consents");
        harness.tell(story);
        harness.tell(
                story.engagementId(),
                Step.of(
                        EngagementStory.CLIENT,
                        new UpdateConsentRevoked(story.engagementId(), EngagementStory.HR_CONSENT, null)));
        harness.tell(
                story.engagementId(),
                Step.of(
                        EngagementStory.CLIENT,
                        new UpdateConsentGranted(
                                story.engagementId(),
                                "consent-lapsed",
                                "client-cara",
                                Audience.HR,
                                Set.of(Scope.GOALS),
                                Instant.now().minus(Duration.ofSeconds(1)),
                                "a past review",
                                "2026-11")));
        assertThat(view.engagementOf("coach-cole", story.engagementId())
                        .orElseThrow()
                        .consentsInForce())
                .extracting(CoachEngagement.ConsentInForce::consentId)
                .containsExactly(EngagementStory.BOSS_CONSENT);

        harness.tell(story.engagementId(), story.closure());

        assertThat(view.engagementOf("coach-cole", story.engagementId())
                        .orElseThrow()
                        .consentsInForce())
                .isEmpty();
    }

    @Test
    void handlingEveryEventTwiceChangesNothing() {
        EngagementStory story = EngagementStory.of("eng-coach-twice");
        harness.tell(story);
        harness.tell(story.engagementId(), story.closure());
        String once = harness.contentsOf(CoachProjection.TABLES);

        harness.redeliverAll();

        assertThat(harness.contentsOf(CoachProjection.TABLES)).isEqualTo(once);
    }

    /** Issue 14: the coach reads their session notes and the open requests; the view keeps them sealed. */
    @Test
    void theCoachReadsSealedNotesAndRequestsWhichTheViewKeepsSealed() {
        EngagementStory plain = EngagementStory.of("eng-coach-sealed");
        harness.tell(plain.sealedBy(harness.sealer()));

        CoachEngagement engagement =
                view.engagementOf("coach-cole", plain.engagementId()).orElseThrow();
        assertThat(engagement.sessions().get(0).notes())
                .isEqualTo("Talked about " + plain.secrets().sessionNotes());
        assertThat(engagement.openRequests())
                .extracting(OpenUpdateRequest::message)
                .containsExactly("Which goals were agreed?");
        assertThat(Json.of(engagement))
                .doesNotContain(plain.secrets().bossContent(), plain.secrets().hrContent())
                .doesNotContain(plain.secrets().satisfactionComment(), Sealer.PREFIX);

        EngagementStory ended = plain.revokedAndClosed();
        ended.steps()
                .subList(plain.steps().size(), ended.steps().size())
                .forEach(step ->
                        harness.tell(plain.engagementId(), step.sealed(harness.sealer(), EngagementStory.CLIENT.id())));
        assertThat(harness.contentsOf(CoachProjection.TABLES))
                .doesNotContain(ended.confidentialTexts())
                .contains(Sealer.PREFIX);
        assertThat(harness.jdbc()
                        .sql("SELECT notes FROM coach_session UNION ALL SELECT message FROM coach_request"
                                + " UNION ALL SELECT revoke_reason FROM coach_consent WHERE revoke_reason IS NOT NULL")
                        .query(String.class)
                        .list())
                .hasSize(4)
                .allSatisfy(stored ->
                        assertThat(Sealer.isEnvelope(stored)).as(stored).isTrue());
    }

    /** Issue 14: after the client's erasure the coach's notes and the open request read as null, named under erased. */
    @Test
    void anErasedClientsNotesAndRequestsAreNamedAsErased() {
        EngagementStory plain = EngagementStory.of("eng-coach-erased");
        harness.tell(plain.sealedBy(harness.sealer()));

        harness.eraseKeyOf(EngagementStory.CLIENT.id());

        CoachEngagement engagement =
                view.engagementOf("coach-cole", plain.engagementId()).orElseThrow();
        assertThat(engagement.erased())
                .containsExactly("sessions[session-1].notes", "openRequests[request-hr].message");
        assertThat(engagement.sessions().get(0).notes()).isNull();
        assertThat(engagement.openRequests())
                .extracting(OpenUpdateRequest::message)
                .containsOnlyNulls();
    }
}
