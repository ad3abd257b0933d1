package coaching.ledger.command.consent;

import coaching.ledger.command.engagement.Engagement;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.GrantUpdateConsent;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static coaching.ledger.command.EngagementFixtures.AFTER_ACTIVE;
import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.AS_OTHER_CLIENT;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.activeEngagement;
import static coaching.ledger.command.EngagementFixtures.closed;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.events;
import static coaching.ledger.command.EngagementFixtures.given;
import static coaching.ledger.command.EngagementFixtures.grant;
import static coaching.ledger.command.EngagementFixtures.granted;
import static coaching.ledger.command.EngagementFixtures.invalid;
import static coaching.ledger.command.EngagementFixtures.opened;
import static coaching.ledger.command.EngagementFixtures.purposeOf;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.command.EngagementFixtures.revoked;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static coaching.ledger.kernel.Rejection.Kind.FORBIDDEN;
import static coaching.ledger.kernel.Rejection.Kind.NOT_FOUND;

/** The client's consents: granting and revoking them. */
class ConsentTest {

    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = engagementFixture();
    }

    @Nested
    class Grant {

        @Test
        void theClientGrantsAConsent() {
            given(fixture, activeEngagement())
                    .when(grant("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS, Scope.ATTENDANCE), AS_CLIENT)
                    .expectEvents(new UpdateConsentGranted(
                            ENGAGEMENT,
                            "c-1",
                            CLIENT,
                            Audience.BOSS,
                            EnumSet.of(Scope.ATTENDANCE, Scope.PROGRESS),
                            IN_A_MONTH,
                            purposeOf("c-1"),
                            null))
                    .expectResultMessagePayload(Receipt.recorded("c-1", AFTER_ACTIVE));
        }

        @Test
        void aConsentWithoutEndHoldsUntilRevokedOrClosed() {
            given(fixture, activeEngagement())
                    .when(grant("c-1", Audience.HR, null, Scope.OUTCOME), AS_CLIENT)
                    .expectEvents(new UpdateConsentGranted(
                            ENGAGEMENT,
                            "c-1",
                            CLIENT,
                            Audience.HR,
                            EnumSet.of(Scope.OUTCOME),
                            null,
                            purposeOf("c-1"),
                            null))
                    .expectResultMessagePayload(Receipt.recorded("c-1", AFTER_ACTIVE));
        }

        @Test
        void anotherClientDoesNotFindTheEngagement() {
            given(fixture, activeEngagement())
                    .when(grant("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS), AS_OTHER_CLIENT)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void onlyTheClientGrantsConsent() {
            for (Map<String, String> actor : List.of(AS_HR, AS_BOSS, AS_COACH)) {
                given(fixture, activeEngagement())
                        .when(grant("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS), actor)
                        .expectException(rejected(FORBIDDEN))
                        .expectNoEvents();
            }
        }

        @Test
        void aValidUntilInThePastIsInvalid() {
            given(fixture, activeEngagement())
                    .when(grant("c-1", Audience.BOSS, NOW.minusSeconds(1), Scope.PROGRESS), AS_CLIENT)
                    .expectException(invalid("validUntil"))
                    .expectNoEvents();
        }

        @Test
        void aValidUntilOfThisVeryMomentIsInvalid() {
            given(fixture, activeEngagement())
                    .when(grant("c-1", Audience.BOSS, NOW, Scope.PROGRESS), AS_CLIENT)
                    .expectException(invalid("validUntil"))
                    .expectNoEvents();
        }

        @Test
        void grantingTheSameConsentAgainIsAnIdempotentRepeat() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS, Scope.ATTENDANCE)))
                    .when(
                            new GrantUpdateConsent(
                                    ENGAGEMENT,
                                    "c-1",
                                    Audience.BOSS,
                                    Set.of(Scope.ATTENDANCE, Scope.PROGRESS),
                                    IN_A_MONTH,
                                    purposeOf("c-1"),
                                    null),
                            AS_CLIENT)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated("c-1", AFTER_ACTIVE));
        }

        static Stream<GrantUpdateConsent> otherContent() {
            return Stream.of(
                    grant("c-1", Audience.HR, IN_A_MONTH, Scope.PROGRESS, Scope.ATTENDANCE),
                    grant("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                    grant("c-1", Audience.BOSS, IN_A_MONTH.plusSeconds(1), Scope.PROGRESS, Scope.ATTENDANCE),
                    grant("c-1", Audience.BOSS, null, Scope.PROGRESS, Scope.ATTENDANCE),
                    new GrantUpdateConsent(
                            ENGAGEMENT,
                            "c-1",
                            Audience.BOSS,
                            EnumSet.of(Scope.PROGRESS, Scope.ATTENDANCE),
                            IN_A_MONTH,
                            "another purpose",
                            null),
                    new GrantUpdateConsent(
                            ENGAGEMENT,
                            "c-1",
                            Audience.BOSS,
                            EnumSet.of(Scope.PROGRESS, Scope.ATTENDANCE),
                            IN_A_MONTH,
                            purposeOf("c-1"),
                            "2027-01"));
        }

        @ParameterizedTest
        @MethodSource("otherContent")
        void theSameConsentIdWithOtherContentConflicts(GrantUpdateConsent command) {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS, Scope.ATTENDANCE)))
                    .when(command, AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void aClosedEngagementTakesNoConsent() {
            given(fixture, events(activeEngagement(), closed()))
                    .when(grant("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void aConsentMayBeGrantedBeforeTheEngagementIsActive() {
            given(fixture, opened())
                    .when(grant("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS), AS_CLIENT)
                    .expectEvents(granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS))
                    .expectResultMessagePayload(Receipt.recorded("c-1", 1));
        }
    }

    @Nested
    class Revoke {

        @Test
        void theClientRevokesAConsent() {
            given(fixture, events(activeEngagement(), granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS)))
                    .when(new RevokeUpdateConsent(ENGAGEMENT, "c-1", "changed my mind"), AS_CLIENT)
                    .expectEvents(new UpdateConsentRevoked(ENGAGEMENT, "c-1", "changed my mind").sealed(SEALER, CLIENT))
                    .expectResultMessagePayload(Receipt.recorded("c-1", AFTER_ACTIVE + 1));
        }

        @Test
        void anUnknownConsentIsNotFound() {
            given(fixture, events(activeEngagement(), granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS)))
                    .when(new RevokeUpdateConsent(ENGAGEMENT, "c-2", null), AS_CLIENT)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void anotherClientDoesNotFindTheEngagement() {
            given(fixture, events(activeEngagement(), granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS)))
                    .when(new RevokeUpdateConsent(ENGAGEMENT, "c-1", null), AS_OTHER_CLIENT)
                    .expectException(rejected(NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void onlyTheClientRevokes() {
            given(fixture, events(activeEngagement(), granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS)))
                    .when(new RevokeUpdateConsent(ENGAGEMENT, "c-1", null), AS_COACH)
                    .expectException(rejected(FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void revokingAgainIsAnIdempotentRepeat() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    revoked("c-1")))
                    .when(new RevokeUpdateConsent(ENGAGEMENT, "c-1", "changed my mind"), AS_CLIENT)
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.repeated("c-1", AFTER_ACTIVE + 1));
        }

        @Test
        void aConsentEndedByClosureCannotBeRevoked() {
            given(
                            fixture,
                            events(
                                    activeEngagement(),
                                    granted("c-1", Audience.BOSS, IN_A_MONTH, Scope.PROGRESS),
                                    closed("c-1")))
                    .when(new RevokeUpdateConsent(ENGAGEMENT, "c-1", null), AS_CLIENT)
                    .expectException(rejected(CONFLICT))
                    .expectNoEvents();
        }
    }
}
