package coaching.ledger.command.closure;

import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import org.junit.jupiter.api.Test;

import java.util.List;

import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.FINGERPRINTS;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.closed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The closure's decisions as plain functions of its state: no aggregate, no Axon. */
class ClosureRulesTest {

    private static final Actor AS_HR = new Actor(HR, Role.HR);
    private static final CloseEngagement CLOSE = new CloseEngagement(ENGAGEMENT, Outcome.COMPLETED, "goals reached");

    private final Closure closure = new Closure();

    @Test
    void closingEndsTheConsentsStillInForce() {
        assertThat(closure.close(CLOSE, AS_HR, List.of("c-1"), FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.record(closed("c-1"), ENGAGEMENT));
    }

    @Test
    void closingAgainAsBeforeIsARepeatWhateverConsentsWouldEndNow() {
        closure.on(closed("c-1"), 4, FINGERPRINTS);

        assertThat(closure.isClosed()).isTrue();
        assertThat(closure.close(CLOSE, AS_HR, List.of(), FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.repeat(Receipt.repeated(ENGAGEMENT, 4)));
        assertThatThrownBy(
                        () -> closure.close(CLOSE, new Actor(BOSS, Role.BOSS), List.of(), FINGERPRINTS, SEALER, CLIENT))
                .hasMessage("the engagement is already closed as COMPLETED" + USED_ONCE);
        assertThatThrownBy(() -> closure.close(
                        new CloseEngagement(ENGAGEMENT, Outcome.TERMINATED, "goals reached"),
                        AS_HR,
                        List.of(),
                        FINGERPRINTS,
                        SEALER,
                        CLIENT))
                .hasMessage("the engagement is already closed as COMPLETED" + USED_ONCE);
    }

    @Test
    void satisfactionIsRatedOnceTheEngagementHasBeenActiveAndItsLatestRatingRepeated() {
        RecordSatisfaction rate = new RecordSatisfaction(ENGAGEMENT, 4, "helpful");
        assertThatThrownBy(() -> closure.rate(rate, Status.SHORTLISTED, false, FINGERPRINTS, SEALER, CLIENT))
                .hasMessage("satisfaction is rated once the engagement has been ACTIVE; it is SHORTLISTED");
        assertThat(closure.rate(rate, Status.CLOSED, true, FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.record(
                        new SatisfactionRecorded(ENGAGEMENT, 4, "helpful").sealed(SEALER, CLIENT), ENGAGEMENT));

        closure.on(new SatisfactionRecorded(ENGAGEMENT, 4, "helpful").sealed(SEALER, CLIENT), 5, FINGERPRINTS);

        assertThat(closure.rate(rate, Status.ACTIVE, true, FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.repeat(Receipt.repeated(ENGAGEMENT, 5)));
        assertThat(closure.rate(
                        new RecordSatisfaction(ENGAGEMENT, 3, "helpful"),
                        Status.ACTIVE,
                        true,
                        FINGERPRINTS,
                        SEALER,
                        CLIENT))
                .isEqualTo(Decision.record(
                        new SatisfactionRecorded(ENGAGEMENT, 3, "helpful").sealed(SEALER, CLIENT), ENGAGEMENT));
    }

    @Test
    void theClosureFingerprintCoversWhatTheCloserAskedForNotTheConsentsItEnded() {
        closure.on(
                new EngagementClosed(ENGAGEMENT, Outcome.COMPLETED, "goals reached", HR, List.of("c-1", "c-2"))
                        .sealed(SEALER, CLIENT),
                4,
                FINGERPRINTS);

        assertThat(closure.close(CLOSE, AS_HR, List.of("c-3"), FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.repeat(Receipt.repeated(ENGAGEMENT, 4)));
    }
}
