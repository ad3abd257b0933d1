package coaching.ledger.command.disclosure;

import coaching.ledger.command.EngagementFixtures.Captor;
import coaching.ledger.command.engagement.Engagement;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static coaching.ledger.command.EngagementFixtures.AFTER_ACTIVE;
import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_OUTSIDER;
import static coaching.ledger.command.EngagementFixtures.AS_RUNNER_UP;
import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.OTHER_HR;
import static coaching.ledger.command.EngagementFixtures.RUNNER_UP;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.activeEngagement;
import static coaching.ledger.command.EngagementFixtures.budget;
import static coaching.ledger.command.EngagementFixtures.captor;
import static coaching.ledger.command.EngagementFixtures.closed;
import static coaching.ledger.command.EngagementFixtures.command;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.eventIdOf;
import static coaching.ledger.command.EngagementFixtures.events;
import static coaching.ledger.command.EngagementFixtures.given;
import static coaching.ledger.command.EngagementFixtures.grant;
import static coaching.ledger.command.EngagementFixtures.granted;
import static coaching.ledger.command.EngagementFixtures.opened;
import static coaching.ledger.command.EngagementFixtures.purposeOf;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.command.EngagementFixtures.revoked;
import static coaching.ledger.command.EngagementFixtures.selected;
import static coaching.ledger.command.EngagementFixtures.sessionLogged;
import static coaching.ledger.command.EngagementFixtures.share;
import static coaching.ledger.command.EngagementFixtures.shortlisted;
import static coaching.ledger.command.EngagementFixtures.storedPayloads;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static coaching.ledger.kernel.Rejection.Kind.FORBIDDEN;
import static coaching.ledger.kernel.Rejection.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core rule, no disclosure without consent (docs/http-api.md): an update is shared only under a
 * consent in force at that point of the engagement's own event order; every other attempt is recorded
 * as a refusal without its content.
 */
class DisclosureTest {

    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));
    private static final String CONTENT = "CONFIDENTIAL: Cara now delegates the quarterly planning";

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = engagementFixture();
    }

    private static ShareUpdate progressForBoss(String updateId) {
        return share(updateId, Audience.BOSS, Scope.PROGRESS, CONTENT);
    }

    private static boolean isGrantOf(Object payload, String consentId) {
        return payload instanceof UpdateConsentGranted grant
                && grant.consentId().equals(consentId);
    }

    /** Recorded as a refusal (the stored events keep no trace of the content) and answered as refused. */
    private void expectRefused(
            ResultValidator<Engagement> then, ShareUpdate command, String actor, RefusalReason reason, long version) {
        then.expectEvents(new DisclosureRefused(
                        ENGAGEMENT, command.updateId(), command.audience(), command.scope(), actor, reason))
                .expectResultMessagePayload(Receipt.refused(command.updateId(), version, false, reason.name()));
        assertThat(storedPayloads(fixture))
                .noneMatch(payload -> payload.toString().contains(command.content()));
    }

    @Nested
    class Shared {

        @Test
        void theSelectedCoachSharesAProgressUpdateWithTheBossUnderTheClientsConsent() {
            Captor<UpdateShared> shared = captor(UpdateShared.class);
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-boss", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS, Scope.ATTENDANCE)))
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectEventsMatching(shared.single())
                    .expectResultMessagePayload(Receipt.recorded("u-1", AFTER_ACTIVE + 1));

            String grantEventId = eventIdOf(fixture, payload -> isGrantOf(payload, "c-boss"));
            assertThat(grantEventId).isNotBlank();
            assertThat(shared.value())
                    .isEqualTo(new UpdateShared(
                                    ENGAGEMENT,
                                    "u-1",
                                    Audience.BOSS,
                                    Scope.PROGRESS,
                                    CONTENT,
                                    BOSS,
                                    COACH,
                                    NOW,
                                    "c-boss",
                                    purposeOf("c-boss"),
                                    grantEventId,
                                    AFTER_ACTIVE)
                            .sealed(SEALER, CLIENT));
        }

        @Test
        void anUpdateForHrGoesToTheHrPersonWhoOpenedTheEngagement() {
            Captor<UpdateShared> shared = captor(UpdateShared.class);
            EngagementOpened openedByHugo =
                    new EngagementOpened(ENGAGEMENT, CLIENT, BOSS, OTHER_HR, Purpose.REMEDIAL, Urgency.HIGH);
            given(
                            fixture,
                            openedByHugo,
                            shortlisted(),
                            selected(),
                            budget(),
                            granted("c-hr", Audience.HR, null, Scope.OUTCOME))
                    .when(share("u-1", Audience.HR, Scope.OUTCOME, CONTENT), AS_CLIENT)
                    .expectEventsMatching(shared.single())
                    .expectResultMessagePayload(Receipt.recorded("u-1", AFTER_ACTIVE + 1));

            String grantEventId = eventIdOf(fixture, payload -> isGrantOf(payload, "c-hr"));
            assertThat(shared.value())
                    .isEqualTo(new UpdateShared(
                                    ENGAGEMENT,
                                    "u-1",
                                    Audience.HR,
                                    Scope.OUTCOME,
                                    CONTENT,
                                    OTHER_HR,
                                    CLIENT,
                                    NOW,
                                    "c-hr",
                                    purposeOf("c-hr"),
                                    grantEventId,
                                    AFTER_ACTIVE)
                            .sealed(SEALER, CLIENT));
        }

        @Test
        void theMostRecentlyGrantedCoveringConsentIsCited() {
            Captor<UpdateShared> shared = captor(UpdateShared.class);
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-old", Audience.BOSS, null, Scope.PROGRESS),
                                    granted("c-hr", Audience.HR, null, Scope.PROGRESS),
                                    granted("c-new", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS, Scope.GOALS)))
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectEventsMatching(shared.single());

            assertThat(shared.value().consentId()).isEqualTo("c-new");
            assertThat(shared.value().consentGrantSequence()).isEqualTo(AFTER_ACTIVE + 2);
            assertThat(shared.value().consentGrantEventId())
                    .isEqualTo(eventIdOf(fixture, payload -> isGrantOf(payload, "c-new")));
        }

        @Test
        void revokingOneConsentLeavesAnotherCoveringConsentInForce() {
            Captor<UpdateShared> shared = captor(UpdateShared.class);
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-old", Audience.BOSS, null, Scope.PROGRESS),
                                    granted("c-new", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    revoked("c-new")))
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectEventsMatching(shared.single())
                    .expectResultMessagePayload(Receipt.recorded("u-1", AFTER_ACTIVE + 3));

            assertThat(shared.value().consentId()).isEqualTo("c-old");
            assertThat(shared.value().purpose()).isEqualTo(purposeOf("c-old"));
            assertThat(shared.value().consentGrantSequence()).isEqualTo(AFTER_ACTIVE);
            assertThat(shared.value().consentGrantEventId())
                    .isEqualTo(eventIdOf(fixture, payload -> isGrantOf(payload, "c-old")));
        }

        @Test
        void aConsentStillHoldsJustBeforeItsValidUntil() {
            Instant validUntil = NOW.plus(Duration.ofDays(1));
            Instant justBefore = validUntil.minusSeconds(1);
            Captor<UpdateShared> shared = captor(UpdateShared.class);
            given(fixture, activeEngagement())
                    .andGivenCommands(command(grant("c-1", Audience.BOSS, validUntil, Scope.PROGRESS), AS_CLIENT))
                    .andGivenCurrentTime(justBefore)
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectEventsMatching(shared.single());

            assertThat(shared.value().sharedAt()).isEqualTo(justBefore);
            assertThat(shared.value().consentId()).isEqualTo("c-1");
        }

        @Test
        void sharingTheSameUpdateAgainIsAnIdempotentRepeat() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    new UpdateShared(
                                                    ENGAGEMENT,
                                                    "u-1",
                                                    Audience.BOSS,
                                                    Scope.PROGRESS,
                                                    CONTENT,
                                                    BOSS,
                                                    COACH,
                                                    NOW,
                                                    "c-1",
                                                    purposeOf("c-1"),
                                                    "grant-event",
                                                    AFTER_ACTIVE)
                                            .sealed(SEALER, CLIENT)))
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated("u-1", AFTER_ACTIVE + 1));
        }

        @Test
        void theSameUpdateIdWithOtherContentConflicts() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS, Scope.GOALS),
                                    new UpdateShared(
                                                    ENGAGEMENT,
                                                    "u-1",
                                                    Audience.BOSS,
                                                    Scope.PROGRESS,
                                                    CONTENT,
                                                    BOSS,
                                                    COACH,
                                                    NOW,
                                                    "c-1",
                                                    purposeOf("c-1"),
                                                    "grant-event",
                                                    AFTER_ACTIVE)
                                            .sealed(SEALER, CLIENT)))
                    .when(share("u-1", Audience.BOSS, Scope.PROGRESS, "something else"), AS_COACH)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void theSameUpdateIdForAnotherScopeConflicts() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS, Scope.GOALS),
                                    new UpdateShared(
                                                    ENGAGEMENT,
                                                    "u-1",
                                                    Audience.BOSS,
                                                    Scope.PROGRESS,
                                                    CONTENT,
                                                    BOSS,
                                                    COACH,
                                                    NOW,
                                                    "c-1",
                                                    purposeOf("c-1"),
                                                    "grant-event",
                                                    AFTER_ACTIVE)
                                            .sealed(SEALER, CLIENT)))
                    .when(share("u-1", Audience.BOSS, Scope.GOALS, CONTENT), AS_COACH)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }

    @Nested
    class Refused {

        @Test
        void withoutAnyConsent() {
            ShareUpdate command = progressForBoss("u-1");
            expectRefused(
                    given(fixture, activeEngagement()).when(command, AS_COACH),
                    command,
                    COACH,
                    RefusalReason.NO_CONSENT,
                    AFTER_ACTIVE - 1); // the coach's view shows no refusal
        }

        @Test
        void whenNoConsentNamesTheAudience() {
            ShareUpdate command = progressForBoss("u-1");
            expectRefused(
                    given(fixture, events(activeEngagement(), granted("c-hr", Audience.HR, IN_A_MONTH, Scope.PROGRESS)))
                            .when(command, AS_COACH),
                    command,
                    COACH,
                    RefusalReason.AUDIENCE_NOT_COVERED,
                    AFTER_ACTIVE);
        }

        @Test
        void whenNoConsentForTheAudienceCoversTheScope() {
            ShareUpdate command = progressForBoss("u-1");
            expectRefused(
                    given(
                                    fixture,
                                    events(
                                            activeEngagement(),
                                            granted("c-boss", Audience.BOSS, IN_A_MONTH, Scope.ATTENDANCE, Scope.GOALS),
                                            granted("c-hr", Audience.HR, IN_A_MONTH, Scope.PROGRESS)))
                            .when(command, AS_CLIENT),
                    command,
                    CLIENT,
                    RefusalReason.SCOPE_NOT_COVERED,
                    AFTER_ACTIVE + 2);
        }

        @Test
        void whenTheCoveringConsentWasRevoked() {
            ShareUpdate command = progressForBoss("u-1");
            expectRefused(
                    given(
                                    fixture,
                                    events(
                                            activeEngagement(),
                                            granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                            revoked("c-1")))
                            .when(command, AS_COACH),
                    command,
                    COACH,
                    RefusalReason.CONSENT_REVOKED,
                    AFTER_ACTIVE + 1);
        }

        @Test
        void whenTheCoveringConsentHasExpired() {
            Instant validUntil = NOW.plus(Duration.ofDays(1));
            ShareUpdate command = progressForBoss("u-1");
            expectRefused(
                    given(fixture, activeEngagement())
                            .andGivenCommands(
                                    command(grant("c-1", Audience.BOSS, validUntil, Scope.PROGRESS), AS_CLIENT))
                            .andGivenCurrentTime(validUntil.plus(Duration.ofDays(1)))
                            .when(command, AS_COACH),
                    command,
                    COACH,
                    RefusalReason.CONSENT_EXPIRED,
                    AFTER_ACTIVE);
        }

        @Test
        void whenTheEngagementIsClosed() {
            ShareUpdate command = progressForBoss("u-1");
            expectRefused(
                    given(
                                    fixture,
                                    events(
                                            activeEngagement(),
                                            granted("c-1", Audience.BOSS, null, Scope.PROGRESS),
                                            closed("c-1")))
                            .when(command, AS_COACH),
                    command,
                    COACH,
                    RefusalReason.ENGAGEMENT_CLOSED,
                    AFTER_ACTIVE + 1);
        }

        @Test
        void aShareAfterARevocationInTheEngagementsOrderIsRefused() {
            ShareUpdate before = progressForBoss("u-1");
            ShareUpdate after = progressForBoss("u-2");
            given(fixture, activeEngagement())
                    .andGivenCommands(
                            command(grant("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS), AS_CLIENT),
                            command(before, AS_COACH),
                            command(new RevokeUpdateConsent(ENGAGEMENT, "c-1", "too much"), AS_CLIENT))
                    .when(after, AS_COACH)
                    .expectEvents(new DisclosureRefused(
                            ENGAGEMENT, "u-2", Audience.BOSS, Scope.PROGRESS, COACH, RefusalReason.CONSENT_REVOKED))
                    .expectResultMessagePayload(Receipt.refused("u-2", AFTER_ACTIVE + 2, false, "CONSENT_REVOKED"));

            // the earlier share, before the revocation in the same order, went through under c-1
            assertThat(storedPayloads(fixture))
                    .filteredOn(UpdateShared.class::isInstance)
                    .singleElement()
                    .satisfies(payload ->
                            assertThat(((UpdateShared) payload).updateId()).isEqualTo("u-1"));
        }

        @Test
        void retryingARefusedUpdateIsAnIdempotentRepeatThatStaysRefused() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new DisclosureRefused(
                                            ENGAGEMENT,
                                            "u-1",
                                            Audience.BOSS,
                                            Scope.PROGRESS,
                                            COACH,
                                            RefusalReason.NO_CONSENT)))
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.refused("u-1", AFTER_ACTIVE - 1, true, "NO_CONSENT"));
        }

        @Test
        void aRetryIsAnsweredAsTheFirstTimeEvenIfAConsentWasGrantedSince() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new DisclosureRefused(
                                            ENGAGEMENT,
                                            "u-1",
                                            Audience.BOSS,
                                            Scope.PROGRESS,
                                            COACH,
                                            RefusalReason.NO_CONSENT),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS)))
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectNoEvents()
                    // the version the first answer had, though the coach's view has moved on since
                    .expectResultMessagePayload(Receipt.refused("u-1", AFTER_ACTIVE - 1, true, "NO_CONSENT"));
        }

        @Test
        void aRefusedUpdateIdReusedForAnotherAudienceConflicts() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new DisclosureRefused(
                                            ENGAGEMENT,
                                            "u-1",
                                            Audience.BOSS,
                                            Scope.PROGRESS,
                                            COACH,
                                            RefusalReason.NO_CONSENT)))
                    .when(share("u-1", Audience.HR, Scope.PROGRESS, CONTENT), AS_COACH)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }

    /**
     * Issue 12, finding 2: a shortlisted coach who is not the selected one gets one answer whatever
     * the id and content, before anything is looked up, and nothing is recorded: no content oracle,
     * no squatting on ids, no unbounded refusals in the engagement's history.
     */
    @Nested
    class NotTheSelectedCoach {

        private static final String REFUSAL =
                "only the selected coach of " + ENGAGEMENT + " may share updates; nothing was recorded";

        static Stream<ShareUpdate> probes() {
            return Stream.of(
                    progressForBoss("u-1"), // what the selected coach shared
                    share("u-1", Audience.BOSS, Scope.PROGRESS, "a wrong guess"),
                    share("u-1", Audience.HR, Scope.OUTCOME, CONTENT),
                    progressForBoss("u-9")); // an id nobody used yet
        }

        @ParameterizedTest
        @MethodSource("probes")
        void theRunnerUpGetsTheSameRefusalWhateverTheIdAndContentAndNothingIsRecorded(ShareUpdate probe) {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    new UpdateShared(
                                                    ENGAGEMENT,
                                                    "u-1",
                                                    Audience.BOSS,
                                                    Scope.PROGRESS,
                                                    CONTENT,
                                                    BOSS,
                                                    COACH,
                                                    NOW,
                                                    "c-1",
                                                    purposeOf("c-1"),
                                                    "grant-event",
                                                    AFTER_ACTIVE)
                                            .sealed(SEALER, CLIENT)))
                    .when(probe, AS_RUNNER_UP)
                    .expectException(rejected(FORBIDDEN, REFUSAL, RefusalReason.NOT_SELECTED_COACH))
                    .expectNoEvents();
        }

        @Test
        void aShortlistedCoachBeforeAnySelectionIsRefusedAlikeAndNothingIsRecorded() {
            given(fixture, opened(), shortlisted(), granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS))
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectException(rejected(FORBIDDEN, REFUSAL, RefusalReason.NOT_SELECTED_COACH))
                    .expectNoEvents();
        }

        /** Stores from before the fix hold such refusals; they do not keep the id from the selected coach. */
        @Test
        void anOldRecordedRunnerUpRefusalDoesNotTakeTheIdFromTheSelectedCoach() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    new DisclosureRefused(
                                            ENGAGEMENT,
                                            "u-9",
                                            Audience.BOSS,
                                            Scope.PROGRESS,
                                            RUNNER_UP,
                                            RefusalReason.NOT_SELECTED_COACH)))
                    .when(progressForBoss("u-9"), AS_COACH)
                    .expectEventsMatching(captor(UpdateShared.class).single())
                    // the coach's view shows the grant, not the runner-up's refusal
                    .expectResultMessagePayload(Receipt.recorded("u-9", AFTER_ACTIVE + 1));
        }
    }

    /**
     * An update id belongs to the principal who used it first: the other sharer (client or coach)
     * reusing it gets a conflict whose message is the same whether its content matches or not.
     */
    @Nested
    class BoundToTheActor {

        @ParameterizedTest
        @ValueSource(strings = {CONTENT, "a wrong guess"})
        void theCoachReusingTheClientsUpdateIdConflictsWhateverTheContent(String content) {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    new UpdateShared(
                                                    ENGAGEMENT,
                                                    "u-1",
                                                    Audience.BOSS,
                                                    Scope.PROGRESS,
                                                    CONTENT,
                                                    BOSS,
                                                    CLIENT,
                                                    NOW,
                                                    "c-1",
                                                    purposeOf("c-1"),
                                                    "grant-event",
                                                    AFTER_ACTIVE)
                                            .sealed(SEALER, CLIENT)))
                    .when(share("u-1", Audience.BOSS, Scope.PROGRESS, content), AS_COACH)
                    .expectException(rejected(CONFLICT, "update u-1 is already used" + USED_ONCE))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {CONTENT, "a wrong guess"})
        void theClientReusingTheCoachsUpdateIdConflictsWhateverTheContent(String content) {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    new UpdateShared(
                                                    ENGAGEMENT,
                                                    "u-1",
                                                    Audience.BOSS,
                                                    Scope.PROGRESS,
                                                    CONTENT,
                                                    BOSS,
                                                    COACH,
                                                    NOW,
                                                    "c-1",
                                                    purposeOf("c-1"),
                                                    "grant-event",
                                                    AFTER_ACTIVE)
                                            .sealed(SEALER, CLIENT)))
                    .when(share("u-1", Audience.BOSS, Scope.PROGRESS, content), AS_CLIENT)
                    .expectException(rejected(CONFLICT, "update u-1 is already used" + USED_ONCE))
                    .expectNoEvents();
        }

        @Test
        void theClientRetryingTheCoachsRefusedUpdateConflicts() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new DisclosureRefused(
                                            ENGAGEMENT,
                                            "u-1",
                                            Audience.BOSS,
                                            Scope.PROGRESS,
                                            COACH,
                                            RefusalReason.NO_CONSENT)))
                    .when(progressForBoss("u-1"), AS_CLIENT)
                    .expectException(rejected(CONFLICT, "update u-1 is already used" + USED_ONCE))
                    .expectNoEvents();
        }

        @Test
        void theSameContentByTheSameActorIsARepeatWithTheOriginalVersion() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    new UpdateShared(
                                                    ENGAGEMENT,
                                                    "u-1",
                                                    Audience.BOSS,
                                                    Scope.PROGRESS,
                                                    CONTENT,
                                                    BOSS,
                                                    CLIENT,
                                                    NOW,
                                                    "c-1",
                                                    purposeOf("c-1"),
                                                    "grant-event",
                                                    AFTER_ACTIVE)
                                            .sealed(SEALER, CLIENT),
                                    sessionLogged("s-1", "later")))
                    .when(progressForBoss("u-1"), AS_CLIENT)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated("u-1", AFTER_ACTIVE + 1));
        }
    }

    @Nested
    class Rejected {

        @Test
        void aCoachNeverShortlistedDoesNotFindTheEngagement() {
            given(fixture, events(activeEngagement(), granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS)))
                    .when(progressForBoss("u-1"), AS_OUTSIDER)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void anotherClientDoesNotFindTheEngagement() {
            given(fixture, events(activeEngagement(), granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS)))
                    .when(progressForBoss("u-1"), AS_OTHER_CLIENT)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void theBossCannotShareUpdates() {
            given(fixture, events(activeEngagement(), granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS)))
                    .when(progressForBoss("u-1"), AS_BOSS)
                    .expectException(rejected(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void hrCannotShareUpdates() {
            given(fixture, events(activeEngagement(), granted("c-1", Audience.HR, IN_A_MONTH, Scope.PROGRESS)))
                    .when(share("u-1", Audience.HR, Scope.PROGRESS, CONTENT), AS_HR)
                    .expectException(rejected(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void theClientCannotShareBeforeTheEngagementIsActive() {
            given(
                            fixture,
                            opened(),
                            shortlisted(),
                            selected(),
                            granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS))
                    .when(progressForBoss("u-1"), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void theSelectedCoachCannotShareBeforeTheBudgetIsApproved() {
            given(
                            fixture,
                            opened(),
                            shortlisted(),
                            selected(),
                            granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS))
                    .when(progressForBoss("u-1"), AS_COACH)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }

    @Nested
    class UpdateRequests {

        private static RequestUpdate request(String requestId, Scope scope, String message) {
            return new RequestUpdate(ENGAGEMENT, requestId, scope, message);
        }

        @Test
        void theBossOfTheEngagementRequestsABossUpdate() {
            given(fixture, activeEngagement())
                    .when(request("r-1", Scope.PROGRESS, "how is it going?"), AS_BOSS)
                    .expectEvents(new UpdateRequested(
                                    ENGAGEMENT, "r-1", Audience.BOSS, BOSS, Scope.PROGRESS, "how is it going?")
                            .sealed(SEALER, CLIENT))
                    // the boss's view does not show requests: his version does not move
                    .expectResultMessagePayload(Receipt.recorded("r-1", AFTER_ACTIVE - 1));
        }

        @Test
        void hrRequestsAnHrUpdate() {
            given(fixture, activeEngagement())
                    .when(request("r-1", Scope.ATTENDANCE, "are the sessions happening?"), AS_HR)
                    .expectEvents(new UpdateRequested(
                                    ENGAGEMENT, "r-1", Audience.HR, HR, Scope.ATTENDANCE, "are the sessions happening?")
                            .sealed(SEALER, CLIENT))
                    .expectResultMessagePayload(Receipt.recorded("r-1", AFTER_ACTIVE - 1));
        }

        @Test
        void anotherBossDoesNotFindTheEngagement() {
            given(fixture, activeEngagement())
                    .when(request("r-1", Scope.PROGRESS, "how is it going?"), AS_OTHER_BOSS)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void neitherCoachNorClientRequestUpdates() {
            for (Map<String, String> actor : List.of(AS_COACH, AS_CLIENT)) {
                given(fixture, activeEngagement())
                        .when(request("r-1", Scope.PROGRESS, "how is it going?"), actor)
                        .expectException(rejected(FORBIDDEN))
                        .expectNoEvents();
            }
        }

        @Test
        void requestingAgainIsAnIdempotentRepeat() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new UpdateRequested(
                                                    ENGAGEMENT,
                                                    "r-1",
                                                    Audience.BOSS,
                                                    BOSS,
                                                    Scope.PROGRESS,
                                                    "how is it going?")
                                            .sealed(SEALER, CLIENT)))
                    .when(request("r-1", Scope.PROGRESS, "how is it going?"), AS_BOSS)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated("r-1", AFTER_ACTIVE - 1));
        }

        @Test
        void theSameRequestIdWithOtherContentConflicts() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new UpdateRequested(
                                                    ENGAGEMENT,
                                                    "r-1",
                                                    Audience.BOSS,
                                                    BOSS,
                                                    Scope.PROGRESS,
                                                    "how is it going?")
                                            .sealed(SEALER, CLIENT)))
                    .when(request("r-1", Scope.PROGRESS, "any news?"), AS_BOSS)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new UpdateRequested(
                                                    ENGAGEMENT,
                                                    "r-1",
                                                    Audience.BOSS,
                                                    BOSS,
                                                    Scope.PROGRESS,
                                                    "how is it going?")
                                            .sealed(SEALER, CLIENT)))
                    .when(request("r-1", Scope.PROGRESS, "how is it going?"), AS_HR)
                    .expectException(rejected(CONFLICT, "update request r-1 is already made" + USED_ONCE))
                    .expectNoEvents();
        }

        @Test
        void aClosedEngagementTakesNoRequests() {
            given(fixture, events(activeEngagement(), closed()))
                    .when(request("r-1", Scope.OUTCOME, "final words?"), AS_BOSS)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }
}
