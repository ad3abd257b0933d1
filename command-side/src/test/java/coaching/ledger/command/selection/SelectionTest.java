package coaching.ledger.command.selection;

import coaching.ledger.command.engagement.Engagement;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.selection.ApproveBudget;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.SelectCoach;
import coaching.ledger.kernel.selection.ShortlistCoaches;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.LogSession;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_HR;
import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.OTHER_BOSS;
import static coaching.ledger.command.EngagementFixtures.OTHER_CLIENT;
import static coaching.ledger.command.EngagementFixtures.OUTSIDER;
import static coaching.ledger.command.EngagementFixtures.RUNNER_UP;
import static coaching.ledger.command.EngagementFixtures.UNREGISTERED;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.as;
import static coaching.ledger.command.EngagementFixtures.budget;
import static coaching.ledger.command.EngagementFixtures.closed;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.given;
import static coaching.ledger.command.EngagementFixtures.invalid;
import static coaching.ledger.command.EngagementFixtures.opened;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.command.EngagementFixtures.selected;
import static coaching.ledger.command.EngagementFixtures.sessionLogged;
import static coaching.ledger.command.EngagementFixtures.shortlisted;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static coaching.ledger.kernel.Rejection.Kind.FORBIDDEN;
import static coaching.ledger.kernel.Rejection.Kind.NOT_FOUND;

/** Opening an engagement, shortlisting coaches, the client's choice of coach and the boss's budget. */
class SelectionTest {

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = engagementFixture();
    }

    private static OpenEngagement open() {
        return new OpenEngagement(ENGAGEMENT, CLIENT, BOSS, Purpose.DEVELOPMENTAL, Urgency.NORMAL);
    }

    private static ShortlistCoaches shortlist(String... coachIds) {
        return new ShortlistCoaches(ENGAGEMENT, List.of(coachIds));
    }

    private static ApproveBudget approve(int sessions, String amount, String currency) {
        return new ApproveBudget(ENGAGEMENT, sessions, new BigDecimal(amount), currency);
    }

    @Nested
    class Open {

        @Test
        void hrOpensAnEngagementAndIsRecordedAsItsHrPerson() {
            given(fixture)
                    .when(open(), AS_HR)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new EngagementOpened(ENGAGEMENT, CLIENT, BOSS, HR, Purpose.DEVELOPMENTAL, Urgency.NORMAL))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, 0));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = "HR", mode = EnumSource.Mode.EXCLUDE)
        void onlyHrMayOpen(Role role) {
            given(fixture)
                    .when(open(), as(role, "someone"))
                    .expectException(rejected(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void theClientCannotBeTheirOwnBoss() {
            given(fixture)
                    .when(new OpenEngagement(ENGAGEMENT, CLIENT, CLIENT, Purpose.REMEDIAL, Urgency.HIGH), AS_HR)
                    .expectException(invalid("bossId"))
                    .expectNoEvents();
        }

        @Test
        void openingAgainWithTheSameContentIsAnIdempotentRepeat() {
            given(fixture, opened())
                    .when(open(), AS_HR)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated(ENGAGEMENT, 0));
        }

        /** Idempotency is bound to the principal: another HR person's same opening is not his repeat. */
        @Test
        void anotherHrPersonRepeatingTheSameOpeningConflicts() {
            given(fixture, opened())
                    .when(open(), AS_OTHER_HR)
                    .expectException(rejected(CONFLICT, "engagement " + ENGAGEMENT + " already exists" + USED_ONCE))
                    .expectNoEvents();
        }

        static Stream<OpenEngagement> otherContent() {
            return Stream.of(
                    new OpenEngagement(ENGAGEMENT, OTHER_CLIENT, BOSS, Purpose.DEVELOPMENTAL, Urgency.NORMAL),
                    new OpenEngagement(ENGAGEMENT, CLIENT, OTHER_BOSS, Purpose.DEVELOPMENTAL, Urgency.NORMAL),
                    new OpenEngagement(ENGAGEMENT, CLIENT, BOSS, Purpose.REMEDIAL, Urgency.NORMAL),
                    new OpenEngagement(ENGAGEMENT, CLIENT, BOSS, Purpose.DEVELOPMENTAL, Urgency.HIGH));
        }

        @ParameterizedTest
        @MethodSource("otherContent")
        void theSameIdWithOtherContentConflicts(OpenEngagement command) {
            given(fixture, opened())
                    .when(command, AS_HR)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }

    @Nested
    class Shortlist {

        @Test
        void hrShortlistsRegisteredCoaches() {
            given(fixture, opened())
                    .when(shortlist(COACH, RUNNER_UP), AS_HR)
                    .expectEvents(new CoachesShortlisted(ENGAGEMENT, List.of(COACH, RUNNER_UP)))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, 1));
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = "HR", mode = EnumSource.Mode.EXCLUDE)
        void onlyHrMayShortlist(Role role) {
            given(fixture, opened())
                    .when(shortlist(COACH), as(role, "someone"))
                    .expectException(rejected(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void anUnregisteredCoachIsNotFound() {
            given(fixture, opened())
                    .when(shortlist(COACH, UNREGISTERED), AS_HR)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aCoachNamedTwiceIsInvalid() {
            given(fixture, opened())
                    .when(shortlist(COACH, RUNNER_UP, COACH), AS_HR)
                    .expectException(invalid("coachIds"))
                    .expectNoEvents();
        }

        @Test
        void theSameShortlistAgainIsAnIdempotentRepeat() {
            given(fixture, opened(), shortlisted())
                    .when(shortlist(COACH, RUNNER_UP), AS_HR)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated(ENGAGEMENT, 1));
        }

        @Test
        void anotherHrPersonRepeatingTheSameShortlistConflicts() {
            given(fixture, opened(), shortlisted())
                    .when(shortlist(COACH, RUNNER_UP), AS_OTHER_HR)
                    .expectException(rejected(CONFLICT, "the engagement is already shortlisted" + USED_ONCE))
                    .expectNoEvents();
        }

        @Test
        void aDifferentShortlistConflicts() {
            given(fixture, opened(), shortlisted())
                    .when(shortlist(COACH, OUTSIDER), AS_HR)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void aClosedEngagementTakesNoShortlist() {
            given(fixture, opened(), closed())
                    .when(shortlist(COACH, RUNNER_UP), AS_HR)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }

    @Nested
    class SelectCoachTests {

        @Test
        void theClientSelectsACoachOfTheShortlist() {
            given(fixture, opened(), shortlisted())
                    .when(new SelectCoach(ENGAGEMENT, RUNNER_UP), AS_CLIENT)
                    .expectEvents(new CoachSelected(ENGAGEMENT, RUNNER_UP))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, 2));
        }

        @Test
        void anotherClientDoesNotFindTheEngagement() {
            given(fixture, opened(), shortlisted())
                    .when(new SelectCoach(ENGAGEMENT, COACH), AS_OTHER_CLIENT)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(
                value = Role.class,
                names = {"HR", "BOSS", "COACH"})
        void onlyTheClientSelects(Role role) {
            String id = switch (role) {
                case HR -> HR;
                case BOSS -> BOSS;
                default -> COACH;
            };
            given(fixture, opened(), shortlisted())
                    .when(new SelectCoach(ENGAGEMENT, COACH), as(role, id))
                    .expectException(rejected(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void aCoachOffTheShortlistConflicts() {
            given(fixture, opened(), shortlisted())
                    .when(new SelectCoach(ENGAGEMENT, OUTSIDER), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void selectingBeforeAnyShortlistConflicts() {
            given(fixture, opened())
                    .when(new SelectCoach(ENGAGEMENT, COACH), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void selectingTheSameCoachAgainIsAnIdempotentRepeat() {
            given(fixture, opened(), shortlisted(), selected())
                    .when(new SelectCoach(ENGAGEMENT, COACH), AS_CLIENT)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated(ENGAGEMENT, 2));
        }

        @Test
        void anotherCoachAfterTheSelectionConflicts() {
            given(fixture, opened(), shortlisted(), selected())
                    .when(new SelectCoach(ENGAGEMENT, RUNNER_UP), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void aClosedEngagementTakesNoSelection() {
            given(fixture, opened(), shortlisted(), closed())
                    .when(new SelectCoach(ENGAGEMENT, COACH), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }

    @Nested
    class Budget {

        @Test
        void theBossApprovesTheBudget() {
            given(fixture, opened(), shortlisted())
                    .when(approve(8, "2400.00", "EUR"), AS_BOSS)
                    .expectEvents(new BudgetApproved(ENGAGEMENT, 8, new BigDecimal("2400.00"), "EUR"))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, 2));
        }

        @Test
        void theBudgetMayBeApprovedAfterTheCoachIsSelected() {
            given(fixture, opened(), shortlisted(), selected())
                    .when(approve(8, "2400.00", "EUR"), AS_BOSS)
                    .expectEvents(new BudgetApproved(ENGAGEMENT, 8, new BigDecimal("2400.00"), "EUR"))
                    .expectResultMessagePayload(Receipt.recorded(ENGAGEMENT, 3));
        }

        @Test
        void anotherBossDoesNotFindTheEngagement() {
            given(fixture, opened(), shortlisted())
                    .when(approve(8, "2400.00", "EUR"), AS_OTHER_BOSS)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(
                value = Role.class,
                names = {"HR", "CLIENT", "COACH"})
        void onlyTheBossApproves(Role role) {
            String id = switch (role) {
                case HR -> HR;
                case CLIENT -> CLIENT;
                default -> COACH;
            };
            given(fixture, opened(), shortlisted())
                    .when(approve(8, "2400.00", "EUR"), as(role, id))
                    .expectException(rejected(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void approvingBeforeTheShortlistConflicts() {
            given(fixture, opened())
                    .when(approve(8, "2400.00", "EUR"), AS_BOSS)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void theSameBudgetAgainIsAnIdempotentRepeatWhateverTheAmountsScale() {
            given(fixture, opened(), shortlisted(), budget(10))
                    .when(approve(10, "3000", "EUR"), AS_BOSS)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated(ENGAGEMENT, 2));
        }

        static Stream<ApproveBudget> otherBudgets() {
            return Stream.of(
                    approve(11, "3000.00", "EUR"), approve(10, "3000.01", "EUR"), approve(10, "3000.00", "USD"));
        }

        @ParameterizedTest
        @MethodSource("otherBudgets")
        void aDifferentBudgetConflicts(ApproveBudget command) {
            given(fixture, opened(), shortlisted(), budget(10))
                    .when(command, AS_BOSS)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void aClosedEngagementTakesNoBudget() {
            given(fixture, opened(), shortlisted(), closed())
                    .when(approve(8, "2400.00", "EUR"), AS_BOSS)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }

    @Test
    void budgetFirstThenSelectionAlsoMakesTheEngagementActive() {
        // proven by what only an ACTIVE engagement accepts: the selected coach logging a session
        given(fixture, opened(), shortlisted(), budget(), selected())
                .when(new LogSession(ENGAGEMENT, "s-1", LocalDate.of(2026, 11, 20), 60, "first session"), AS_COACH)
                .expectEvents(sessionLogged("s-1", "first session"))
                .expectResultMessagePayload(Receipt.recorded("s-1", 4));
    }
}
