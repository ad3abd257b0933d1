package coaching.ledger.command.engagement;

import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.ApproveBudget;
import coaching.ledger.kernel.sessions.LogSession;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static coaching.ledger.command.EngagementFixtures.AFTER_ACTIVE;
import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.activeEngagement;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.events;
import static coaching.ledger.command.EngagementFixtures.given;
import static coaching.ledger.command.EngagementFixtures.grant;
import static coaching.ledger.command.EngagementFixtures.granted;
import static coaching.ledger.command.EngagementFixtures.purposeOf;
import static coaching.ledger.command.EngagementFixtures.sessionLogged;

/**
 * Issue 12, finding 1: every receipt answers its actor's own version of the engagement (the number
 * of events the actor's view shows, minus one; kernel PartyView), and a repeat answers the version
 * of the receipt it repeats, so no receipt tells a party about events its view does not show.
 * {@link coaching.ledger.command.EngagementFixtures#activeEngagement()} is version 3 for everyone.
 */
class ReceiptVersionsTest {

    private static final ApproveBudget SAME_BUDGET = new ApproveBudget(ENGAGEMENT, 10, new BigDecimal("3000.0"), "EUR");

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = engagementFixture();
    }

    /** The probe: the boss repeats his budget approval before and after the coach logs a session. */
    @Test
    void theBossRepeatingHisBudgetApprovalLearnsNothingOfALaterSession() {
        given(fixture, activeEngagement())
                .when(SAME_BUDGET, AS_BOSS)
                .expectResultMessagePayload(Receipt.repeated(ENGAGEMENT, 3));
        given(engagementFixture(), events(activeEngagement(), sessionLogged("s-1", "notes")))
                .when(SAME_BUDGET, AS_BOSS)
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeated(ENGAGEMENT, 3));
    }

    @Test
    void theBossRequestingAnUpdateAnswersHisOwnVersionWhichSessionsAndHrUpdatesDoNotMove() {
        given(
                        fixture,
                        events(
                                activeEngagement(),
                                sessionLogged("s-1", "notes"),
                                granted("c-hr", Audience.HR, null, Scope.PROGRESS),
                                new UpdateShared(
                                                ENGAGEMENT,
                                                "u-1",
                                                Audience.HR,
                                                Scope.PROGRESS,
                                                "for HR",
                                                HR,
                                                COACH,
                                                NOW,
                                                "c-hr",
                                                purposeOf("c-hr"),
                                                "grant-event",
                                                AFTER_ACTIVE + 1)
                                        .sealed(SEALER, CLIENT)))
                .when(new RequestUpdate(ENGAGEMENT, "r-1", Scope.PROGRESS, "news?"), AS_BOSS)
                // his request is not in his view either: his version stays at the budget approval
                .expectResultMessagePayload(Receipt.recorded("r-1", 3));
    }

    @Test
    void theBossClosingCountsOnlyWhatHisViewShows() {
        given(fixture, events(activeEngagement(), sessionLogged("s-1", "notes"), sessionLogged("s-2", "more")))
                .when(new CloseEngagement(ENGAGEMENT, Outcome.COMPLETED, "done"), AS_BOSS)
                .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, 4));
    }

    @Test
    void theClientsVersionIsTheSequenceNumber() {
        given(
                        fixture,
                        events(
                                activeEngagement(),
                                sessionLogged("s-1", "notes"),
                                new DisclosureRefused(
                                        ENGAGEMENT,
                                        "u-1",
                                        Audience.BOSS,
                                        Scope.PROGRESS,
                                        COACH,
                                        RefusalReason.NO_CONSENT)))
                .when(grant("c-1", Audience.BOSS, null, Scope.PROGRESS), AS_CLIENT)
                .expectResultMessagePayload(Receipt.recorded("c-1", AFTER_ACTIVE + 2));
    }

    @Test
    void theCoachsVersionLeavesOutRefusalsAndTheSatisfaction() {
        given(
                        fixture,
                        events(
                                activeEngagement(),
                                new DisclosureRefused(
                                        ENGAGEMENT,
                                        "u-1",
                                        Audience.BOSS,
                                        Scope.PROGRESS,
                                        CLIENT,
                                        RefusalReason.NO_CONSENT),
                                new SatisfactionRecorded(ENGAGEMENT, 5, "great").sealed(SEALER, CLIENT)))
                .when(new LogSession(ENGAGEMENT, "s-1", LocalDate.of(2026, 11, 20), 60, "notes"), AS_COACH)
                .expectResultMessagePayload(Receipt.recorded("s-1", AFTER_ACTIVE));
    }

    @Test
    void hrsVersionCountsTheSatisfactionScoreButNoSession() {
        given(
                        fixture,
                        events(
                                activeEngagement(),
                                sessionLogged("s-1", "notes"),
                                new SatisfactionRecorded(ENGAGEMENT, 5, "great").sealed(SEALER, CLIENT)))
                .when(new RequestUpdate(ENGAGEMENT, "r-1", Scope.OUTCOME, "how did it end?"), AS_HR)
                .expectResultMessagePayload(Receipt.recorded("r-1", AFTER_ACTIVE));
    }

    @Test
    void aRepeatAnswersTheOriginalVersionNotTheCurrentOne() {
        given(
                        fixture,
                        events(
                                activeEngagement(),
                                sessionLogged("s-1", "notes"),
                                sessionLogged("s-2", "more"),
                                granted("c-1", Audience.BOSS, null, Scope.PROGRESS)))
                .when(new LogSession(ENGAGEMENT, "s-1", LocalDate.of(2026, 11, 20), 60, "notes"), AS_COACH)
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeated("s-1", AFTER_ACTIVE));
    }
}
