package coaching.ledger.query.compliance;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.engagement.ConsentState;
import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Json;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final ComplianceView view = new ComplianceView(harness.jdbc());

    ComplianceProjectionTest() {
        harness.project(ComplianceProjection::new);
    }

    @Test
    void declaresNoHandlerForSessionsSatisfactionOrRequests() {
        assertThat(harness.handles(SessionLogged.class)).isFalse();
        assertThat(harness.handles(SatisfactionRecorded.class)).isFalse();
        assertThat(harness.handles(UpdateRequested.class)).isFalse();
    }

    @Test
    void eachDisclosureIsTracedToTheGrantItReliedOn() {
        long firstIndex = harness.nextGlobalIndex();
        EngagementStory story = EngagementStory.of("eng-audit");
        harness.tell(story);

        ComplianceEngagement ledger = single("eng-audit");
        assertThat(ledger.version()).isEqualTo(story.versionIn(ViewVersion.lastHandledBy(ComplianceProjection.class)));
        ComplianceEngagement.Disclosure toBoss = ledger.disclosures().get(0);
        assertThat(toBoss.eventId()).isEqualTo(story.steps().get(9).eventId());
        assertThat(toBoss.globalIndex()).isEqualTo(firstIndex + 9);
        assertThat(toBoss.actor()).isEqualTo(new Actor("coach-cole", Role.COACH));
        assertThat(toBoss.recipientId()).isEqualTo("boss-ben");
        assertThat(toBoss.audience()).isEqualTo(Audience.BOSS);
        assertThat(toBoss.scope()).isEqualTo(Scope.PROGRESS);
        assertThat(toBoss.purpose()).isEqualTo("budget decisions");
        assertThat(toBoss.sharedAt()).isNotNull();
        assertThat(toBoss.consent())
                .isEqualTo(new ComplianceEngagement.ConsentTrace(
                        EngagementStory.BOSS_CONSENT,
                        story.bossConsentGrant().eventId(),
                        firstIndex + 5,
                        toBoss.consent().grantedAt(),
                        List.of(Scope.PROGRESS, Scope.OUTCOME),
                        null,
                        ConsentState.ACTIVE));
        assertThat(toBoss.consent().grantedAt()).isNotNull();
        assertThat(ledger.disclosures().get(1).actor()).isEqualTo(EngagementStory.CLIENT);
        assertThat(ledger.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RefusalReason.SCOPE_NOT_COVERED);
            assertThat(refusal.globalIndex()).isEqualTo(firstIndex + 11);
            assertThat(refusal.actor()).isEqualTo(new Actor("coach-cole", Role.COACH));
        });
    }

    /** A fresh replay reads it in index order; live, it came after the later event. Both must record the same. */
    @Test
    void aDisclosureThatCommittedAfterLaterEventsIsRecordedAtItsOwnGlobalIndex() {
        EngagementStory story = EngagementStory.of("eng-late-commit");
        story.steps().subList(0, 9).forEach(step -> harness.tell(story.engagementId(), step));
        long gap = harness.leaveGap();
        EngagementStory meanwhile = EngagementStory.of("eng-meanwhile");
        harness.tell(meanwhile.engagementId(), meanwhile.steps().get(0));
        harness.tellFillingAGap(story.engagementId(), story.steps().get(9), gap);

        assertThat(single("eng-late-commit").disclosures())
                .singleElement()
                .satisfies(disclosure -> assertThat(disclosure.globalIndex()).isEqualTo(gap));
    }

    @Test
    void keepsNoContentOfAnyKind() {
        EngagementStory story = EngagementStory.of("eng-audit-leak");
        harness.tell(story);

        String stored = harness.contentsOf(ComplianceProjection.TABLES);
        String shown = Json.of(view.engagements(EngagementFilter.all()));
        for (String text : new String[] {stored, shown}) {
            assertThat(text)
                    .doesNotContain(story.secrets().sessionNotes())
                    .doesNotContain(story.secrets().bossContent())
                    .doesNotContain(story.secrets().hrContent())
                    .doesNotContain(story.secrets().satisfactionComment());
        }
    }

    @Test
    void recordsTheStateOfTheConsentAtTheMomentOfDisclosure() {
        EngagementStory story = EngagementStory.of("eng-audit-state");
        harness.tell(story);
        harness.tell(
                story.engagementId(),
                Step.of(
                        EngagementStory.CLIENT,
                        new UpdateConsentRevoked(story.engagementId(), EngagementStory.BOSS_CONSENT, "no more")));
        harness.tell(
                story.engagementId(),
                Step.of(
                        EngagementStory.COACH,
                        new UpdateShared(
                                story.engagementId(),
                                "update-late",
                                Audience.BOSS,
                                Scope.PROGRESS,
                                "late",
                                "boss-ben",
                                "coach-cole",
                                Instant.now(),
                                EngagementStory.BOSS_CONSENT,
                                "budget decisions",
                                story.bossConsentGrant().eventId(),
                                5)));
        harness.tell(
                story.engagementId(),
                Step.of(
                        EngagementStory.COACH,
                        new UpdateShared(
                                story.engagementId(),
                                "update-unbacked",
                                Audience.BOSS,
                                Scope.PROGRESS,
                                "unbacked",
                                "boss-ben",
                                "coach-cole",
                                Instant.now(),
                                "consent-never-granted",
                                "none",
                                "no-such-event",
                                99)));

        ComplianceEngagement ledger = single("eng-audit-state");
        assertThat(ledger.disclosures().get(0).consent().stateAtDisclosure()).isEqualTo(ConsentState.ACTIVE);
        assertThat(ledger.disclosures().get(2).consent().stateAtDisclosure()).isEqualTo(ConsentState.REVOKED);
        assertThat(ledger.disclosures().get(3).consent())
                .isEqualTo(new ComplianceEngagement.ConsentTrace(
                        "consent-never-granted", "no-such-event", null, null, null, null, null));
    }

    @Test
    void handlingEveryEventTwiceChangesNothing() {
        EngagementStory story = EngagementStory.of("eng-audit-twice");
        harness.tell(story);
        harness.tell(story.engagementId(), story.closure());
        String once = harness.contentsOf(ComplianceProjection.TABLES);

        harness.redeliverAll();

        assertThat(harness.contentsOf(ComplianceProjection.TABLES)).isEqualTo(once);
    }

    private ComplianceEngagement single(String engagementId) {
        return view.engagements(EngagementFilter.one(engagementId)).get(0);
    }

    /** Issue 14: compliance shows no confidential text; the revocation reason it keeps stays sealed. */
    @Test
    void keepsTheRevocationReasonSealedAndShowsNoText() {
        EngagementStory plain = EngagementStory.of("eng-audit-sealed").revokedAndClosed();
        harness.tell(plain.sealedBy(harness.sealer()));

        assertThat(harness.contentsOf(ComplianceProjection.TABLES)).doesNotContain(plain.confidentialTexts());
        assertThat(harness.jdbc()
                        .sql("SELECT revoke_reason FROM compliance_consent WHERE revoke_reason IS NOT NULL")
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(stored -> assertThat(Sealer.isEnvelope(stored)).isTrue());
        assertThat(Json.of(single(plain.engagementId())))
                .doesNotContain(plain.confidentialTexts())
                .doesNotContain(Sealer.PREFIX);
    }
}
