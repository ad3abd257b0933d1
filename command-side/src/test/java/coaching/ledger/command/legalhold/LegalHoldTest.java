package coaching.ledger.command.legalhold;

import coaching.ledger.command.engagement.Engagement;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.erasure.ErasureConflict;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import coaching.ledger.kernel.erasure.PlaceLegalHold;
import coaching.ledger.kernel.erasure.ReleaseLegalHold;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.as;
import static coaching.ledger.command.EngagementFixtures.closed;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.given;
import static coaching.ledger.command.EngagementFixtures.opened;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static coaching.ledger.kernel.Rejection.Kind.FORBIDDEN;

/**
 * Legal holds on an engagement (compliance only, no version: no party sees a hold), and what an
 * erasure fence does to opening an engagement or placing a hold for the erased client.
 */
class LegalHoldTest {

    private static final String COMPLIANCE = "compliance-cy";
    private static final Map<String, String> AS_COMPLIANCE = as(Role.COMPLIANCE, COMPLIANCE);
    private static final String ERASED_CLIENT = "client-gone";

    /** Keys of their own, so erasing a client here touches no other test's keys. */
    private final InMemoryClientDataKeys keys = new InMemoryClientDataKeys();

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = engagementFixture(keys);
    }

    private static LegalHoldPlaced placed(String holdId, String reason) {
        return new LegalHoldPlaced(ENGAGEMENT, holdId, reason, COMPLIANCE, NOW);
    }

    @Test
    void compliancePlacesAHoldOnAClosedEngagement() {
        given(fixture, opened(), closed())
                .when(new PlaceLegalHold(ENGAGEMENT, "hold-1", "case 12"), AS_COMPLIANCE)
                .expectEvents(placed("hold-1", "case 12"))
                .expectResultMessagePayload(Receipt.recorded("hold-1", LegalHolds.NO_VERSION));
    }

    @Test
    void placingTheSameHoldAgainIsARepeatAndWithAnotherReasonAConflict() {
        given(fixture, opened(), placed("hold-1", "case 12"))
                .when(new PlaceLegalHold(ENGAGEMENT, "hold-1", "case 12"), AS_COMPLIANCE)
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeated("hold-1", LegalHolds.NO_VERSION));
        given(fixture, opened(), placed("hold-1", "case 12"))
                .when(new PlaceLegalHold(ENGAGEMENT, "hold-1", "case 13"), AS_COMPLIANCE)
                .expectException(rejected(CONFLICT, "legal hold hold-1 was placed with another reason" + USED_ONCE))
                .expectNoEvents();
    }

    @Test
    void onlyComplianceHoldsOrReleases() {
        given(fixture, opened())
                .when(new PlaceLegalHold(ENGAGEMENT, "hold-1", "case 12"), AS_HR)
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
        given(fixture, opened(), placed("hold-1", "case 12"))
                .when(new ReleaseLegalHold(ENGAGEMENT, "hold-1"), AS_HR)
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aHoldInForceIsReleasedOnce() {
        LegalHoldReleased released = new LegalHoldReleased(ENGAGEMENT, "hold-1", COMPLIANCE, NOW);
        given(fixture, opened(), placed("hold-1", "case 12"))
                .when(new ReleaseLegalHold(ENGAGEMENT, "hold-1"), AS_COMPLIANCE)
                .expectEvents(released)
                .expectResultMessagePayload(Receipt.recorded("hold-1", LegalHolds.NO_VERSION));
        given(fixture, opened(), placed("hold-1", "case 12"), released)
                .when(new ReleaseLegalHold(ENGAGEMENT, "hold-1"), AS_COMPLIANCE)
                .expectException(rejected(CONFLICT, "no legal hold hold-1 is in force on engagement " + ENGAGEMENT))
                .expectNoEvents();
        given(fixture, opened())
                .when(new ReleaseLegalHold(ENGAGEMENT, "hold-9"), AS_COMPLIANCE)
                .expectException(rejected(CONFLICT, "no legal hold hold-9 is in force on engagement " + ENGAGEMENT))
                .expectNoEvents();
    }

    @Test
    void aReleasedHoldsIdIsNotPlacedAgain() {
        given(
                        fixture,
                        opened(),
                        placed("hold-1", "case 12"),
                        new LegalHoldReleased(ENGAGEMENT, "hold-1", COMPLIANCE, NOW))
                .when(new PlaceLegalHold(ENGAGEMENT, "hold-1", "case 12"), AS_COMPLIANCE)
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeated("hold-1", LegalHolds.NO_VERSION));
    }

    @Test
    void noEngagementIsOpenedForAnErasedClient() {
        keys.erase(ERASED_CLIENT, "er-1");

        fixture.givenCurrentTime(NOW)
                .when(new OpenEngagement(ENGAGEMENT, ERASED_CLIENT, BOSS, Purpose.DEVELOPMENTAL, Urgency.NORMAL), AS_HR)
                .expectException(rejected(
                        CONFLICT,
                        "the data of client " + ERASED_CLIENT + " was erased",
                        ErasureConflict.CLIENT_DATA_ERASED))
                .expectNoEvents();
    }

    @Test
    void aReauthorisedClientGetsEngagementsAgain() {
        keys.erase(ERASED_CLIENT, "er-1");
        keys.reauthorise(ERASED_CLIENT);

        fixture.givenCurrentTime(NOW)
                .when(new OpenEngagement(ENGAGEMENT, ERASED_CLIENT, BOSS, Purpose.DEVELOPMENTAL, Urgency.NORMAL), AS_HR)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noHoldIsPlacedForAnErasedClient() {
        keys.erase(opened().clientId(), "er-1");

        given(fixture, opened(), closed())
                .when(new PlaceLegalHold(ENGAGEMENT, "hold-1", "case 12"), AS_COMPLIANCE)
                .expectException(rejected(
                        CONFLICT,
                        "the data of client " + opened().clientId() + " was erased",
                        ErasureConflict.CLIENT_DATA_ERASED))
                .expectNoEvents();
    }
}
