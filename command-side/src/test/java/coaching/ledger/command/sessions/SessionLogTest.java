package coaching.ledger.command.sessions;

import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.sessions.LogSession;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.FINGERPRINTS;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.budget;
import static coaching.ledger.command.EngagementFixtures.sessionLogged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session log's decision as a plain function of its state: no aggregate, no Axon. */
class SessionLogTest {

    private static final Actor AS_COACH = new Actor(COACH, Role.COACH);

    private final SessionLog log = new SessionLog();

    private static LogSession logSession(String sessionId, String notes) {
        return new LogSession(ENGAGEMENT, sessionId, LocalDate.of(2026, 11, 20), 60, notes);
    }

    @Test
    void theSelectedCoachLogsASessionOfAnActiveEngagement() {
        assertThat(log.log(logSession("s-1", "notes"), AS_COACH, Status.ACTIVE, budget(), FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.record(sessionLogged("s-1", "notes"), "s-1"));
    }

    @Test
    void onlyWhileTheEngagementIsActive() {
        assertThatThrownBy(() -> log.log(
                        logSession("s-1", "notes"), AS_COACH, Status.SHORTLISTED, null, FINGERPRINTS, SEALER, CLIENT))
                .hasMessage("sessions are logged only while the engagement is ACTIVE; it is SHORTLISTED");
    }

    @Test
    void aRetryIsARepeatWithItsVersionOtherNotesAConflict() {
        log.on(sessionLogged("s-1", "notes"), 4, FINGERPRINTS);

        assertThat(log.log(logSession("s-1", "notes"), AS_COACH, Status.CLOSED, budget(), FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.repeat(Receipt.repeated("s-1", 4)));
        assertThatThrownBy(() -> log.log(
                        logSession("s-1", "other"), AS_COACH, Status.ACTIVE, budget(), FINGERPRINTS, SEALER, CLIENT))
                .hasMessage("session s-1 is already logged" + USED_ONCE);
    }

    @Test
    void noMoreSessionsThanTheBudgetApproved() {
        log.on(sessionLogged("s-1", "notes"), 4, FINGERPRINTS);

        assertThatThrownBy(() -> log.log(
                        logSession("s-2", "notes"), AS_COACH, Status.ACTIVE, budget(1), FINGERPRINTS, SEALER, CLIENT))
                .isInstanceOf(Rejection.class)
                .hasMessage("budget exhausted: all 1 approved sessions are logged");
    }
}
