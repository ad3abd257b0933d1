package coaching.ledger.command.coaches;

import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.coaches.Certification;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.coaches.CoachStream;
import coaching.ledger.kernel.coaches.RegisterCoach;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_HR;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.FINGERPRINTS;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.as;
import static coaching.ledger.command.EngagementFixtures.byActor;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static coaching.ledger.kernel.Rejection.Kind.FORBIDDEN;
import static org.assertj.core.api.Assertions.assertThat;

/** HR's vetted pool of coaches. */
class CoachesTest {

    private static final List<Certification> CERTIFICATIONS = List.of(
            new Certification("ICF", "PCC", LocalDate.of(2028, 6, 30)),
            new Certification("EMCC", "Senior Practitioner", null));

    private FixtureConfiguration<Coach> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coach.class);
        fixture.registerInjectableResource(FINGERPRINTS);
    }

    private static RegisterCoach register() {
        return new RegisterCoach(COACH, "Cole Carter", CERTIFICATIONS, 12, List.of("leadership", "transitions"));
    }

    /** Registered by HR hana, as its stored metadata says. */
    private static EventMessage<CoachRegistered> registered() {
        return byActor(
                new CoachRegistered(COACH, "Cole Carter", CERTIFICATIONS, 12, List.of("leadership", "transitions")),
                AS_HR);
    }

    @Test
    void theCoachStreamCannotCollideWithAnEngagementId() {
        assertThat(register().streamId()).isEqualTo("coach:" + COACH).isEqualTo(CoachStream.of(COACH));
    }

    @Test
    void hrRegistersACoach() {
        fixture.givenNoPriorActivity()
                .when(register(), AS_HR)
                .expectEvents(registered().getPayload())
                .expectResultMessagePayload(Receipt.recorded(COACH, 0));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "HR", mode = EnumSource.Mode.EXCLUDE)
    void onlyHrRegistersCoaches(Role role) {
        fixture.givenNoPriorActivity()
                .when(register(), as(role, "someone"))
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aRegisteredCoachIsStillOnlyRegisteredByHr() {
        fixture.given(registered())
                .when(register(), as(Role.COACH, COACH))
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void registeringTheSameCoachAgainIsAnIdempotentRepeat() {
        fixture.given(registered())
                .when(register(), AS_HR)
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeated(COACH, 0));
    }

    /** Idempotency is bound to the principal: another HR person's same registration is no repeat of his. */
    @Test
    void anotherHrPersonRegisteringTheSameCoachConflicts() {
        fixture.given(registered())
                .when(register(), AS_OTHER_HR)
                .expectException(rejected(CONFLICT, "coach " + COACH + " is already registered" + USED_ONCE))
                .expectNoEvents();
    }

    static Stream<RegisterCoach> otherContent() {
        return Stream.of(
                new RegisterCoach(COACH, "Cole C. Carter", CERTIFICATIONS, 12, List.of("leadership", "transitions")),
                new RegisterCoach(
                        COACH, "Cole Carter", CERTIFICATIONS.subList(0, 1), 12, List.of("leadership", "transitions")),
                new RegisterCoach(COACH, "Cole Carter", CERTIFICATIONS, 13, List.of("leadership", "transitions")),
                new RegisterCoach(COACH, "Cole Carter", CERTIFICATIONS, 12, List.of("leadership")),
                // joined text is not a list: these once collided with ["leadership", "transitions"]
                new RegisterCoach(COACH, "Cole Carter", CERTIFICATIONS, 12, List.of("leadership, transitions")),
                new RegisterCoach(COACH, "Cole Carter", CERTIFICATIONS, 12, List.of("[leadership, transitions]")),
                new RegisterCoach(COACH, "Cole Carter", CERTIFICATIONS, 12, List.of("leadership", "transitions", "")),
                new RegisterCoach(COACH, "Cole Carter", CERTIFICATIONS, 12, List.of("transitions", "leadership")));
    }

    @ParameterizedTest
    @MethodSource("otherContent")
    void theSameCoachWithOtherContentConflicts(RegisterCoach command) {
        fixture.given(registered())
                .when(command, AS_HR)
                .expectException(rejected(CONFLICT, "coach " + COACH + " is already registered" + USED_ONCE))
                .expectNoEvents();
    }
}
