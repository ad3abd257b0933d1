package coaching.ledger.query.client;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.engagement.ConsentState;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ClientProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final ClientView view = new ClientView(harness.jdbc(), harness.texts());

    ClientProjectionTest() {
        harness.project(ClientProjection::new);
    }

    @Test
    void theClientSeesEverythingOfTheirEngagement() {
        EngagementStory story = EngagementStory.of("eng-client");
        harness.tell(story);

        ClientEngagement engagement =
                view.engagementOf("client-cara", "eng-client").orElseThrow();
        assertThat(engagement.status()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(engagement.version()).isEqualTo(story.versionIn(ViewVersion.of(PartyView.CLIENT)));
        assertThat(engagement.sessions())
                .singleElement()
                .satisfies(session ->
                        assertThat(session.notes()).contains(story.secrets().sessionNotes()));
        assertThat(engagement.satisfaction())
                .isEqualTo(new ClientEngagement.Satisfaction(
                        EngagementStory.SCORE, story.secrets().satisfactionComment()));
        assertThat(engagement.consents())
                .extracting(Consent::consentId, Consent::state)
                .containsExactly(
                        tuple(EngagementStory.BOSS_CONSENT, ConsentState.ACTIVE),
                        tuple(EngagementStory.HR_CONSENT, ConsentState.ACTIVE));
        assertThat(engagement.consents().get(0).scopes()).containsExactly(Scope.PROGRESS, Scope.OUTCOME);
        assertThat(engagement.disclosures())
                .extracting(Disclosure::audience, Disclosure::recipientId)
                .containsExactly(tuple(Audience.BOSS, "boss-ben"), tuple(Audience.HR, "hr-hana"));
        assertThat(engagement.disclosures().get(0).content())
                .contains(story.secrets().bossContent());
        assertThat(engagement.disclosures().get(1).content())
                .contains(story.secrets().hrContent());
        assertThat(engagement.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RefusalReason.SCOPE_NOT_COVERED);
            assertThat(refusal.attemptedBy()).isEqualTo("coach-cole");
        });
    }

    @Test
    void aRequestStaysOpenUntilAnUpdateOfItsAudienceAndScopeFollowsIt() {
        EngagementStory story = EngagementStory.of("eng-client-requests");
        harness.tell(story);
        harness.tell(
                story.engagementId(),
                Step.of(
                        EngagementStory.BOSS,
                        new UpdateRequested(
                                story.engagementId(),
                                "request-boss-again",
                                Audience.BOSS,
                                "boss-ben",
                                Scope.PROGRESS,
                                "And now?")));

        assertThat(view.engagementOf("client-cara", story.engagementId())
                        .orElseThrow()
                        .openRequests())
                .extracting(request -> request.requestId())
                .containsExactly("request-hr", "request-boss-again");
    }

    @Test
    void consentsAreRevokedExpiredOrEndedByClosure() {
        EngagementStory story = EngagementStory.of("eng-client-consents");
        harness.tell(story);
        harness.tell(
                story.engagementId(),
                Step.of(
                        EngagementStory.CLIENT,
                        new UpdateConsentGranted(
                                story.engagementId(),
                                "consent-lapsed",
                                "client-cara",
                                Audience.BOSS,
                                Set.of(Scope.GOALS),
                                Instant.now().minus(Duration.ofMinutes(1)),
                                "a past review",
                                "2026-11")));
        harness.tell(
                story.engagementId(),
                Step.of(
                        EngagementStory.CLIENT,
                        new UpdateConsentRevoked(story.engagementId(), EngagementStory.HR_CONSENT, "changed my mind")));
        assertThat(view.engagementOf("client-cara", story.engagementId())
                        .orElseThrow()
                        .consents())
                .extracting(Consent::state)
                .containsExactly(ConsentState.ACTIVE, ConsentState.REVOKED, ConsentState.EXPIRED);

        harness.tell(story.engagementId(), story.closure());

        ClientEngagement closed =
                view.engagementOf("client-cara", story.engagementId()).orElseThrow();
        assertThat(closed.consents())
                .extracting(Consent::state)
                .containsExactly(ConsentState.ENDED, ConsentState.REVOKED, ConsentState.EXPIRED);
        assertThat(closed.consents().get(1).revokeReason()).isEqualTo("changed my mind");
        assertThat(closed.closeReason()).isEqualTo("goals reached");
    }

    @Test
    void anotherClientGetsNothing() {
        harness.tell(EngagementStory.of("eng-client-other"));

        assertThat(view.engagementOf("client-carl", "eng-client-other")).isEmpty();
    }

    @Test
    void handlingEveryEventTwiceChangesNothing() {
        EngagementStory story = EngagementStory.of("eng-client-twice");
        harness.tell(story);
        harness.tell(story.engagementId(), story.closure());
        String once = harness.contentsOf(ClientProjection.TABLES);

        harness.redeliverAll();

        assertThat(harness.contentsOf(ClientProjection.TABLES)).isEqualTo(once);
    }
}
