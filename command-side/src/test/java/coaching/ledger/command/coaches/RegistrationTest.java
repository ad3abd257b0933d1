package coaching.ledger.command.coaches;

import coaching.ledger.command.receipts.Decision;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.coaches.RegisterCoach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static coaching.ledger.command.EngagementFixtures.FINGERPRINTS;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.OTHER_HR;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registration decision as a plain function: no aggregate, no Axon. */
class RegistrationTest {

    private static final Actor AS_HR = new Actor(HR, Role.HR);
    private static final RegisterCoach REGISTER =
            new RegisterCoach("coach-new", "Nora New", List.of(), 5, List.of("leadership"));
    private static final CoachRegistered REGISTERED =
            new CoachRegistered("coach-new", "Nora New", List.of(), 5, List.of("leadership"));

    @Test
    void hrRegistersACoachOthersMayNot() {
        assertThat(Registration.register(REGISTER, AS_HR, null, FINGERPRINTS))
                .isEqualTo(Decision.record(REGISTERED, "coach-new"));
        assertThatThrownBy(() ->
                        Registration.register(REGISTER, new Actor("client-cara", Role.CLIENT), null, FINGERPRINTS))
                .isInstanceOfSatisfying(
                        Rejection.class,
                        rejection -> assertThat(rejection.kind()).isEqualTo(Rejection.Kind.FORBIDDEN));
    }

    @Test
    void theSameHrPersonRepeatsAnotherConflicts() {
        String registration = Registration.fingerprintOf(FINGERPRINTS, HR, REGISTERED);

        assertThat(Registration.register(REGISTER, AS_HR, registration, FINGERPRINTS))
                .isEqualTo(Decision.repeat(Receipt.repeated("coach-new", 0)));
        assertThatThrownBy(
                        () -> Registration.register(REGISTER, new Actor(OTHER_HR, Role.HR), registration, FINGERPRINTS))
                .hasMessage("coach coach-new is already registered" + USED_ONCE);
    }
}
