package coaching.ledger.command.sessions;

import coaching.ledger.command.engagement.Engagement;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.sessions.LogSession;
import coaching.ledger.kernel.sessions.SessionLogged;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coaching.ledger.command.EngagementFixtures.AFTER_ACTIVE;
import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.AS_OUTSIDER;
import static coaching.ledger.command.EngagementFixtures.AS_RUNNER_UP;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.activeEngagement;
import static coaching.ledger.command.EngagementFixtures.budget;
import static coaching.ledger.command.EngagementFixtures.closed;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.events;
import static coaching.ledger.command.EngagementFixtures.given;
import static coaching.ledger.command.EngagementFixtures.opened;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.command.EngagementFixtures.selected;
import static coaching.ledger.command.EngagementFixtures.sessionLogged;
import static coaching.ledger.command.EngagementFixtures.shortlisted;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static coaching.ledger.kernel.Rejection.Kind.FORBIDDEN;
import static coaching.ledger.kernel.Rejection.Kind.NOT_FOUND;

/** Only the selected coach logs sessions, only while ACTIVE and within the approved number. */
class SessionsTest {

    private static final LocalDate HELD_ON = LocalDate.of(2026, 11, 20);

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = engagementFixture();
    }

    private static LogSession log(String sessionId, String notes) {
        return new LogSession(ENGAGEMENT, sessionId, HELD_ON, 60, notes);
    }

    @Test
    void theSelectedCoachLogsASession() {
        given(fixture, activeEngagement())
                .when(new LogSession(ENGAGEMENT, "s-1", HELD_ON, 90, "talked about delegation"), AS_COACH)
                .expectEvents(new SessionLogged(ENGAGEMENT, "s-1", COACH, HELD_ON, 90, "talked about delegation")
                        .sealed(SEALER, CLIENT))
                .expectResultMessagePayload(Receipt.recorded("s-1", AFTER_ACTIVE));
    }

    @Test
    void aShortlistedCoachWhoWasNotSelectedIsForbidden() {
        given(fixture, activeEngagement())
                .when(log("s-1", "notes"), AS_RUNNER_UP)
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aCoachUnrelatedToTheEngagementDoesNotFindIt() {
        given(fixture, activeEngagement())
                .when(log("s-1", "notes"), AS_OUTSIDER)
                .expectException(rejected(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void theClientDoesNotLogSessions() {
        given(fixture, activeEngagement())
                .when(log("s-1", "notes"), AS_CLIENT)
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void neitherHrNorTheBossLogSessions() {
        given(fixture, activeEngagement())
                .when(log("s-1", "notes"), AS_HR)
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
        given(fixture, activeEngagement())
                .when(log("s-1", "notes"), AS_BOSS)
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void noSessionBeforeTheBudgetMakesTheEngagementActive() {
        given(fixture, opened(), shortlisted(), selected())
                .when(log("s-1", "notes"), AS_COACH)
                .expectException(rejected(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void noSessionBeyondTheApprovedNumber() {
        given(
                        fixture,
                        opened(),
                        shortlisted(),
                        selected(),
                        budget(2),
                        sessionLogged("s-1", "first"),
                        sessionLogged("s-2", "second"))
                .when(log("s-3", "third"), AS_COACH)
                .expectException(rejected(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void theLastApprovedSessionIsStillLogged() {
        given(fixture, opened(), shortlisted(), selected(), budget(2), sessionLogged("s-1", "first"))
                .when(log("s-2", "second"), AS_COACH)
                .expectEvents(sessionLogged("s-2", "second"))
                .expectResultMessagePayload(Receipt.recorded("s-2", 5));
    }

    @Test
    void noSessionAfterTheEngagementIsClosed() {
        given(fixture, events(activeEngagement(), closed()))
                .when(log("s-1", "notes"), AS_COACH)
                .expectException(rejected(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void loggingTheSameSessionAgainIsAnIdempotentRepeat() {
        given(fixture, events(activeEngagement(), sessionLogged("s-1", "talked about delegation")))
                .when(log("s-1", "talked about delegation"), AS_COACH)
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeated("s-1", AFTER_ACTIVE));
    }

    @Test
    void aRepeatIsRecognisedEvenWhenTheBudgetIsUsedUp() {
        given(fixture, opened(), shortlisted(), selected(), budget(1), sessionLogged("s-1", "only one"))
                .when(log("s-1", "only one"), AS_COACH)
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeated("s-1", 4));
    }

    @Test
    void theSameSessionIdWithOtherNotesConflicts() {
        given(fixture, events(activeEngagement(), sessionLogged("s-1", "talked about delegation")))
                .when(log("s-1", "talked about feedback"), AS_COACH)
                .expectException(rejected(CONFLICT))
                .expectNoEvents();
    }
}
