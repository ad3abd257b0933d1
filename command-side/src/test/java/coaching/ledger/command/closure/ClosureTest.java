package coaching.ledger.command.closure;

import coaching.ledger.command.engagement.Engagement;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static coaching.ledger.command.EngagementFixtures.AFTER_ACTIVE;
import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_CLIENT;
import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.activeEngagement;
import static coaching.ledger.command.EngagementFixtures.closed;
import static coaching.ledger.command.EngagementFixtures.command;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.events;
import static coaching.ledger.command.EngagementFixtures.given;
import static coaching.ledger.command.EngagementFixtures.grant;
import static coaching.ledger.command.EngagementFixtures.granted;
import static coaching.ledger.command.EngagementFixtures.opened;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.command.EngagementFixtures.revoked;
import static coaching.ledger.command.EngagementFixtures.selected;
import static coaching.ledger.command.EngagementFixtures.share;
import static coaching.ledger.command.EngagementFixtures.shortlisted;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static coaching.ledger.kernel.Rejection.Kind.FORBIDDEN;
import static coaching.ledger.kernel.Rejection.Kind.NOT_FOUND;

/** Closing an engagement (which ends every consent) and the client's satisfaction rating. */
class ClosureTest {

    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = engagementFixture();
    }

    private static CloseEngagement close(Outcome outcome, String reason) {
        return new CloseEngagement(ENGAGEMENT, outcome, reason);
    }

    @Nested
    class Close {

        @Test
        void hrClosesTheEngagement() {
            given(fixture, activeEngagement())
                    .when(close(Outcome.COMPLETED, "goals reached"), AS_HR)
                    .expectEvents(new EngagementClosed(ENGAGEMENT, Outcome.COMPLETED, "goals reached", HR, List.of())
                            .sealed(SEALER, CLIENT))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, AFTER_ACTIVE));
        }

        @Test
        void theBossOfTheEngagementClosesIt() {
            given(fixture, activeEngagement())
                    .when(close(Outcome.TERMINATED, "budget cut"), AS_BOSS)
                    .expectEvents(new EngagementClosed(ENGAGEMENT, Outcome.TERMINATED, "budget cut", BOSS, List.of())
                            .sealed(SEALER, CLIENT))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, AFTER_ACTIVE));
        }

        @Test
        void anEngagementMayBeClosedBeforeItBecomesActive() {
            given(fixture, opened())
                    .when(close(Outcome.TERMINATED, "client left the company"), AS_HR)
                    .expectEvents(new EngagementClosed(
                                    ENGAGEMENT, Outcome.TERMINATED, "client left the company", HR, List.of())
                            .sealed(SEALER, CLIENT))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, 1));
        }

        @Test
        void anotherBossDoesNotFindTheEngagement() {
            given(fixture, activeEngagement())
                    .when(close(Outcome.TERMINATED, "budget cut"), AS_OTHER_BOSS)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void neitherClientNorCoachClose() {
            for (Map<String, String> actor : List.of(AS_CLIENT, AS_COACH)) {
                given(fixture, activeEngagement())
                        .when(close(Outcome.COMPLETED, "done"), actor)
                        .expectException(rejected(FORBIDDEN))
                        .expectNoEvents();
            }
        }

        @Test
        void closingEndsExactlyTheConsentsStillInForce() {
            given(fixture, activeEngagement())
                    .andGivenCommands(
                            command(grant("c-open-ended", Audience.BOSS, null, Scope.PROGRESS), AS_CLIENT),
                            command(grant("c-revoked", Audience.BOSS, IN_A_MONTH, Scope.GOALS), AS_CLIENT),
                            command(
                                    grant("c-short", Audience.HR, NOW.plus(Duration.ofDays(1)), Scope.OUTCOME),
                                    AS_CLIENT),
                            command(grant("c-long", Audience.HR, IN_A_MONTH, Scope.ATTENDANCE), AS_CLIENT),
                            command(new RevokeUpdateConsent(ENGAGEMENT, "c-revoked", null), AS_CLIENT))
                    // two days later: c-short has expired, c-long has not
                    .andGivenCurrentTime(NOW.plus(Duration.ofDays(2)))
                    .when(close(Outcome.COMPLETED, "goals reached"), AS_HR)
                    .expectEvents(new EngagementClosed(
                                    ENGAGEMENT,
                                    Outcome.COMPLETED,
                                    "goals reached",
                                    HR,
                                    List.of("c-open-ended", "c-long"))
                            .sealed(SEALER, CLIENT))
                    // HR's version: its view shows none of the consents, so the closure is its fifth event
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, AFTER_ACTIVE));
        }

        @Test
        void aRevokedConsentIsNotEndedAgain() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, null, Scope.PROGRESS),
                                    revoked("c-1"),
                                    granted("c-2", Audience.HR, null, Scope.PROGRESS)))
                    .when(close(Outcome.COMPLETED, "goals reached"), AS_BOSS)
                    .expectEvents(
                            new EngagementClosed(ENGAGEMENT, Outcome.COMPLETED, "goals reached", BOSS, List.of("c-2"))
                                    .sealed(SEALER, CLIENT));
        }

        @Test
        void aShareAfterTheClosureIsRefusedAsEngagementClosed() {
            given(fixture, activeEngagement())
                    .andGivenCommands(
                            command(grant("c-1", Audience.BOSS, null, Scope.PROGRESS), AS_CLIENT),
                            command(close(Outcome.COMPLETED, "goals reached"), AS_HR))
                    .when(share("u-1", Audience.BOSS, Scope.PROGRESS, "late news"), AS_COACH)
                    .expectEvents(new DisclosureRefused(
                            ENGAGEMENT, "u-1", Audience.BOSS, Scope.PROGRESS, COACH, RefusalReason.ENGAGEMENT_CLOSED))
                    // the coach's version: its view shows the grant and the closure, not its own refusal
                    .expectResultMessagePayload(Receipt.refused("u-1", AFTER_ACTIVE + 1, false, "ENGAGEMENT_CLOSED"));
        }

        @Test
        void closingAgainWithTheSameContentIsAnIdempotentRepeat() {
            given(fixture, events(activeEngagement(), closed()))
                    .when(close(Outcome.COMPLETED, "goals reached"), AS_HR)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated(ENGAGEMENT, AFTER_ACTIVE));
        }

        /** The boss repeating HR's closure word for word learns nothing: it is not his closure. */
        @ParameterizedTest
        @ValueSource(strings = {"goals reached", "a guess"})
        void closingAgainByAnotherPrincipalConflictsWhateverTheContent(String reason) {
            given(fixture, events(activeEngagement(), closed()))
                    .when(close(Outcome.COMPLETED, reason), AS_BOSS)
                    .expectException(rejected(CONFLICT, "the engagement is already closed as COMPLETED" + USED_ONCE))
                    .expectNoEvents();
        }

        @Test
        void closingAgainWithAnotherOutcomeConflicts() {
            given(fixture, events(activeEngagement(), closed()))
                    .when(close(Outcome.TERMINATED, "goals reached"), AS_HR)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void closingAgainWithAnotherReasonConflicts() {
            given(fixture, events(activeEngagement(), closed()))
                    .when(close(Outcome.COMPLETED, "ran out of time"), AS_HR)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }

    @Nested
    class Satisfaction {

        @Test
        void theClientRatesAnActiveEngagement() {
            given(fixture, activeEngagement())
                    .when(new RecordSatisfaction(ENGAGEMENT, 4, "helpful"), AS_CLIENT)
                    .expectEvents(new SatisfactionRecorded(ENGAGEMENT, 4, "helpful").sealed(SEALER, CLIENT))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, AFTER_ACTIVE));
        }

        @Test
        void anotherClientDoesNotFindTheEngagement() {
            given(fixture, activeEngagement())
                    .when(new RecordSatisfaction(ENGAGEMENT, 4, null), AS_OTHER_CLIENT)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void onlyTheClientRates() {
            for (Map<String, String> actor : List.of(AS_HR, AS_BOSS, AS_COACH)) {
                given(fixture, activeEngagement())
                        .when(new RecordSatisfaction(ENGAGEMENT, 4, null), actor)
                        .expectException(rejected(FORBIDDEN))
                        .expectNoEvents();
            }
        }

        @Test
        void notBeforeTheEngagementIsActive() {
            given(fixture, opened(), shortlisted(), selected())
                    .when(new RecordSatisfaction(ENGAGEMENT, 2, null), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void notForAnEngagementClosedBeforeItWasEverActive() {
            given(fixture, opened(), shortlisted(), selected(), closed())
                    .when(new RecordSatisfaction(ENGAGEMENT, 1, null), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void stillAfterTheEngagementIsClosed() {
            given(fixture, events(activeEngagement(), closed()))
                    .when(new RecordSatisfaction(ENGAGEMENT, 5, "worth it"), AS_CLIENT)
                    .expectEvents(new SatisfactionRecorded(ENGAGEMENT, 5, "worth it").sealed(SEALER, CLIENT))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, AFTER_ACTIVE + 1));
        }

        @Test
        void theSameRatingAgainIsAnIdempotentRepeat() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new SatisfactionRecorded(ENGAGEMENT, 4, "helpful").sealed(SEALER, CLIENT)))
                    .when(new RecordSatisfaction(ENGAGEMENT, 4, "helpful"), AS_CLIENT)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated(ENGAGEMENT, AFTER_ACTIVE));
        }

        @Test
        void aChangedRatingIsRecorded() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    new SatisfactionRecorded(ENGAGEMENT, 4, "helpful").sealed(SEALER, CLIENT)))
                    .when(new RecordSatisfaction(ENGAGEMENT, 3, "helpful"), AS_CLIENT)
                    .expectEvents(new SatisfactionRecorded(ENGAGEMENT, 3, "helpful").sealed(SEALER, CLIENT))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, AFTER_ACTIVE + 1));
        }
    }
}
