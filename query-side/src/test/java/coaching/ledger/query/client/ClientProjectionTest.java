package coaching.ledger.query.client;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.engagement.ConsentState;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    void theClientListsTheirOwnEngagementsAsSummaries() {
        EngagementStory first = EngagementStory.of("eng-client-list-1");
        EngagementStory second = EngagementStory.of("eng-client-list-2");
        harness.tell(first);
        harness.tell(second);

        assertThat(view.engagementsOf("client-cara"))
                .extracting(
                        ClientEngagementSummary::engagementId,
                        ClientEngagementSummary::status,
                        ClientEngagementSummary::selectedCoachId,
                        ClientEngagementSummary::version)
                .containsExactly(
                        tuple(
                                "eng-client-list-1",
                                EngagementStatus.ACTIVE,
                                "coach-cole",
                                first.versionIn(ViewVersion.of(PartyView.CLIENT))),
                        tuple(
                                "eng-client-list-2",
                                EngagementStatus.ACTIVE,
                                "coach-cole",
                                second.versionIn(ViewVersion.of(PartyView.CLIENT))));
        assertThat(view.engagementsOf("client-cara").get(0).openedAt()).isNotNull();
        assertThat(view.engagementsOf("client-carl")).isEmpty();
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

    /** Issue 14: the view keeps each confidential text as its event holds it, sealed, and opens it for the client. */
    @Test
    void theClientReadsTheirSealedTextsWhichTheViewKeepsSealed() {
        EngagementStory plain = EngagementStory.of("eng-client-sealed").revokedAndClosed();
        harness.tell(plain.sealedBy(harness.sealer()));

        ClientEngagement engagement =
                view.engagementOf("client-cara", plain.engagementId()).orElseThrow();
        assertThat(engagement.sessions().get(0).notes())
                .contains(plain.secrets().sessionNotes());
        assertThat(engagement.disclosures())
                .extracting(Disclosure::content)
                .containsExactly(
                        "Progress: " + plain.secrets().bossContent(),
                        "Attendance: " + plain.secrets().hrContent());
        assertThat(engagement.openRequests())
                .extracting(request -> request.message())
                .containsExactly("Which goals were agreed?");
        assertThat(engagement.consents().get(1).revokeReason()).startsWith("REVOKED-");
        assertThat(engagement.satisfaction().comment())
                .isEqualTo(plain.secrets().satisfactionComment());
        assertThat(engagement.closeReason()).startsWith("CLOSED-");

        assertThat(harness.contentsOf(ClientProjection.TABLES))
                .doesNotContain(plain.confidentialTexts())
                .contains(Sealer.PREFIX);
        assertThat(harness.jdbc()
                        .sql("SELECT notes FROM client_session UNION ALL SELECT content FROM client_disclosure"
                                + " UNION ALL SELECT message FROM client_request"
                                + " UNION ALL SELECT revoke_reason FROM client_consent WHERE revoke_reason IS NOT NULL"
                                + " UNION ALL SELECT satisfaction_comment FROM client_engagement"
                                + " UNION ALL SELECT close_reason FROM client_engagement")
                        .query(String.class)
                        .list())
                .hasSize(8)
                .allSatisfy(stored ->
                        assertThat(Sealer.isEnvelope(stored)).as(stored).isTrue());
    }

    /**
     * Issue 14: once the client's key is erased each sealed text reads as null and is named under
     * {@code erased}; a text never written (no consent was revoked) is null but not erased, and
     * plaintext stored before sealing could not be shredded, so it still reads.
     */
    @Test
    void anErasedClientsSealedTextsReadAsNullAndAreNamedAsErased() {
        EngagementStory plain = EngagementStory.of("eng-client-erased");
        harness.tell(plain.sealedBy(harness.sealer()));
        harness.tell(plain.engagementId(), plain.closure().sealed(harness.sealer(), "client-cara"));
        assertThat(view.engagementOf("client-cara", plain.engagementId())
                        .orElseThrow()
                        .erased())
                .isEmpty();

        harness.eraseKeyOf("client-cara");

        ClientEngagement erased =
                view.engagementOf("client-cara", plain.engagementId()).orElseThrow();
        assertThat(erased.erased())
                .containsExactly(
                        "sessions[session-1].notes",
                        "disclosures[update-boss].content",
                        "disclosures[update-hr].content",
                        "openRequests[request-hr].message",
                        "closeReason",
                        "satisfaction.comment");
        assertThat(erased.sessions().get(0).notes()).isNull();
        assertThat(erased.disclosures()).extracting(Disclosure::content).containsOnlyNulls();
        assertThat(erased.openRequests())
                .extracting(request -> request.message())
                .containsOnlyNulls();
        assertThat(erased.closeReason()).isNull();
        assertThat(erased.satisfaction().comment()).isNull();
        assertThat(erased.consents()).extracting(Consent::revokeReason).containsOnlyNulls();

        EngagementStory legacy = EngagementStory.of("eng-client-legacy-erased");
        harness.tell(legacy);
        ClientEngagement unshredded =
                view.engagementOf("client-cara", legacy.engagementId()).orElseThrow();
        assertThat(unshredded.erased()).isEmpty();
        assertThat(unshredded.sessions().get(0).notes())
                .contains(legacy.secrets().sessionNotes());
    }

    /** Issue 14 (Art. 19): the client sees everyone an update about them reached, in all their engagements. */
    @Test
    void theClientSeesEveryRecipientOfAnUpdateAboutThemAcrossTheirEngagements() {
        EngagementStory first = EngagementStory.of("eng-client-recipients-1");
        EngagementStory second = EngagementStory.of("eng-client-recipients-2");
        harness.tell(first);
        harness.tell(second);

        List<Recipient> recipients = view.engagementOf("client-cara", first.engagementId())
                .orElseThrow()
                .recipients();

        assertThat(recipients)
                .extracting(Recipient::recipientId, Recipient::role)
                .containsExactly(tuple("boss-ben", Role.BOSS), tuple("hr-hana", Role.HR));
        assertThat(recipients.get(0).updates())
                .extracting(DisclosedUpdate::engagementId, DisclosedUpdate::updateId)
                .containsExactlyInAnyOrder(
                        tuple(first.engagementId(), "update-boss"), tuple(second.engagementId(), "update-boss"));
        assertThat(recipients.get(0).updates())
                .allSatisfy(update -> assertThat(update.sharedAt()).isNotNull());
        assertThat(view.engagementOf("client-carl", first.engagementId())).isEmpty();
    }
}
