package coaching.ledger.command.erasure;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.ClientDataReauthorised;
import coaching.ledger.kernel.erasure.ClientStream;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.erasure.EraseClientData;
import coaching.ledger.kernel.erasure.ErasureConflict;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.erasure.ErasureRecipientNotified;
import coaching.ledger.kernel.erasure.ReauthoriseClientData;
import coaching.ledger.kernel.erasure.RecordRecipientNotified;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.as;
import static coaching.ledger.command.EngagementFixtures.command;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static coaching.ledger.kernel.Rejection.Kind.FORBIDDEN;
import static coaching.ledger.kernel.Rejection.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of a client's privacy record: erasure, Art. 19 notifications and re-authorisation. */
class ClientPrivacyTest {

    private static final String CLIENT = "client-cara";
    private static final String STREAM = ClientStream.of(CLIENT);
    private static final String COMPLIANCE = "compliance-cy";
    private static final Map<String, String> AS_COMPLIANCE = as(Role.COMPLIANCE, COMPLIANCE);
    private static final Instant SHARED = Instant.parse("2026-10-01T09:00:00Z");
    private static final DisclosedUpdate TO_BOSS_1 = new DisclosedUpdate("eng-1", "u-1", SHARED);
    private static final DisclosedUpdate TO_BOSS_2 = new DisclosedUpdate("eng-2", "u-7", SHARED.plusSeconds(60));
    private static final DisclosedUpdate TO_HR = new DisclosedUpdate("eng-2", "u-8", SHARED.plusSeconds(120));

    private final InMemoryClientDataKeys keys = new InMemoryClientDataKeys();
    private final InMemoryClientEngagements engagements = new InMemoryClientEngagements(keys);
    private FixtureConfiguration<ClientPrivacy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientPrivacy.class);
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource(engagements);
        keys.keyFor(CLIENT);
    }

    private static EngagementHistory closedWith(String engagementId, int inClear, EngagementHistory.Disclosure... d) {
        return new EngagementHistory(engagementId, true, Set.of(), List.of(d), inClear);
    }

    private static EngagementHistory.Disclosure toBoss(DisclosedUpdate update) {
        return new EngagementHistory.Disclosure("boss-ben", Role.BOSS, update);
    }

    private static ClientDataErased erased(String erasureId, List<String> engagementIds, int recipients, int inClear) {
        return new ClientDataErased(CLIENT, erasureId, "ticket 7", COMPLIANCE, NOW, engagementIds, recipients, inClear);
    }

    private static EraseClientData erase(String erasureId) {
        return new EraseClientData(CLIENT, erasureId, "ticket 7");
    }

    @Test
    void erasingAClientWhoseEngagementsAreClosedDestroysTheKeyAndMakesOneNotificationDuePerRecipient() {
        engagements.given(
                CLIENT,
                closedWith("eng-1", 2, toBoss(TO_BOSS_1)),
                closedWith("eng-2", 1, toBoss(TO_BOSS_2), new EngagementHistory.Disclosure("hr-hana", Role.HR, TO_HR)));

        fixture.givenCurrentTime(NOW)
                .when(command(erase("er-1"), AS_COMPLIANCE))
                .expectEvents(
                        erased("er-1", List.of("eng-1", "eng-2"), 2, 3),
                        new ErasureNotificationDue(
                                CLIENT, "er-1", "boss-ben", Role.BOSS, List.of(TO_BOSS_1, TO_BOSS_2)),
                        new ErasureNotificationDue(CLIENT, "er-1", "hr-hana", Role.HR, List.of(TO_HR)))
                .expectSuccessfulHandlerExecution();
        assertThat(keys.isErased(CLIENT)).isTrue();
        assertThat(keys.existingKeyFor(CLIENT)).isEmpty();
    }

    @Test
    void aClientWithoutEngagementsIsUnknown() {
        fixture.givenCurrentTime(NOW)
                .when(command(erase("er-1"), AS_COMPLIANCE))
                .expectException(rejected(NOT_FOUND, "no such client: " + CLIENT))
                .expectNoEvents();
    }

    @Test
    void engagementsNotClosedBlockTheErasureAndAreNamed() {
        engagements.given(
                CLIENT,
                closedWith("eng-1", 0),
                new EngagementHistory("eng-2", false, Set.of(), List.of(), 0),
                new EngagementHistory("eng-3", false, Set.of(), List.of(), 0));

        fixture.givenCurrentTime(NOW)
                .when(command(erase("er-1"), AS_COMPLIANCE))
                .expectException(rejected(
                        CONFLICT,
                        "engagements of the client are not closed: eng-2, eng-3",
                        ErasureConflict.ENGAGEMENT_NOT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void aLegalHoldBlocksTheErasureAndTheHeldEngagementIsNamed() {
        engagements.given(
                CLIENT, closedWith("eng-1", 0), new EngagementHistory("eng-2", true, Set.of("hold-1"), List.of(), 0));

        fixture.givenCurrentTime(NOW)
                .when(command(erase("er-1"), AS_COMPLIANCE))
                .expectException(rejected(
                        CONFLICT,
                        "engagements of the client are under a legal hold: eng-2",
                        ErasureConflict.LEGAL_HOLD))
                .expectNoEvents();
    }

    @Test
    void onlyComplianceErases() {
        engagements.given(CLIENT, closedWith("eng-1", 0));

        fixture.givenCurrentTime(NOW)
                .when(command(erase("er-1"), as(Role.HR, "hr-hana")))
                .expectException(rejected(FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aRepeatAnswersTheOriginalErasureAndRecordsNothing() {
        ClientDataErased original = erased("er-1", List.of("eng-1"), 1, 0);
        ErasureNotificationDue due =
                new ErasureNotificationDue(CLIENT, "er-1", "boss-ben", Role.BOSS, List.of(TO_BOSS_1));

        fixture.givenCurrentTime(NOW.plusSeconds(3600))
                .andGiven(original, due)
                .when(command(erase("er-1"), AS_COMPLIANCE))
                .expectNoEvents()
                .expectResultMessagePayload(new Answer<>(new Erasure(original, List.of(due)), true));
    }

    @Test
    void theSameErasureIdWithAnotherReasonOrAnotherErasureOfAnErasedClientConflicts() {
        fixture.givenCurrentTime(NOW)
                .andGiven(erased("er-1", List.of("eng-1"), 0, 0))
                .when(command(new EraseClientData(CLIENT, "er-1", "ticket 8"), AS_COMPLIANCE))
                .expectException(rejected(
                        CONFLICT,
                        "erasure er-1 was recorded with another reason" + USED_ONCE,
                        ErasureConflict.CLIENT_DATA_ERASED))
                .expectNoEvents();
        fixture.givenCurrentTime(NOW)
                .andGiven(erased("er-1", List.of("eng-1"), 0, 0))
                .when(command(erase("er-2"), AS_COMPLIANCE))
                .expectException(rejected(
                        CONFLICT,
                        "the data of client " + CLIENT + " was already erased by erasure er-1",
                        ErasureConflict.CLIENT_DATA_ERASED))
                .expectNoEvents();
    }

    @Test
    void aReauthorisedClientMayBeErasedAgainUnderANewId() {
        engagements.given(CLIENT, closedWith("eng-1", 0));

        fixture.givenCurrentTime(NOW)
                .andGiven(
                        erased("er-1", List.of("eng-1"), 0, 0),
                        new ClientDataReauthorised(CLIENT, "re-1", "client came back", COMPLIANCE, NOW))
                .when(command(erase("er-2"), AS_COMPLIANCE))
                .expectEvents(erased("er-2", List.of("eng-1"), 0, 0));
    }

    @Test
    void aRecipientDueANotificationIsRecordedAsNotifiedOnceAndTheRepeatAnswersTheOriginal() {
        ErasureNotificationDue due =
                new ErasureNotificationDue(CLIENT, "er-1", "boss-ben", Role.BOSS, List.of(TO_BOSS_1));
        ErasureRecipientNotified notified = new ErasureRecipientNotified(CLIENT, "er-1", "boss-ben", COMPLIANCE, NOW);

        fixture.givenCurrentTime(NOW)
                .andGiven(erased("er-1", List.of("eng-1"), 1, 0), due)
                .when(command(new RecordRecipientNotified(CLIENT, "er-1", "boss-ben"), AS_COMPLIANCE))
                .expectEvents(notified)
                .expectResultMessagePayload(new Answer<>(notified, false));
        fixture.givenCurrentTime(NOW.plusSeconds(60))
                .andGiven(erased("er-1", List.of("eng-1"), 1, 0), due, notified)
                .when(command(new RecordRecipientNotified(CLIENT, "er-1", "boss-ben"), AS_COMPLIANCE))
                .expectNoEvents()
                .expectResultMessagePayload(new Answer<>(notified, true));
    }

    @Test
    void anUnknownErasureOrARecipientNotDueIsNotFound() {
        fixture.givenCurrentTime(NOW)
                .when(command(new RecordRecipientNotified(CLIENT, "er-1", "boss-ben"), AS_COMPLIANCE))
                .expectException(rejected(NOT_FOUND, "no erasure er-1 of client " + CLIENT))
                .expectNoEvents();
        fixture.givenCurrentTime(NOW)
                .andGiven(erased("er-1", List.of("eng-1"), 0, 0))
                .when(command(new RecordRecipientNotified(CLIENT, "er-1", "hr-hana"), AS_COMPLIANCE))
                .expectException(rejected(NOT_FOUND, "recipient hr-hana is due no notification of erasure er-1"))
                .expectNoEvents();
    }

    @Test
    void reauthorisingAnErasedClientLiftsTheFenceAndItsRepeatAnswersTheOriginal() {
        keys.erase(CLIENT, "er-1");
        ClientDataReauthorised reauthorised =
                new ClientDataReauthorised(CLIENT, "re-1", "client came back", COMPLIANCE, NOW);

        fixture.givenCurrentTime(NOW)
                .andGiven(erased("er-1", List.of("eng-1"), 0, 0))
                .when(command(new ReauthoriseClientData(CLIENT, "re-1", "client came back"), AS_COMPLIANCE))
                .expectEvents(reauthorised)
                .expectResultMessagePayload(new Answer<>(reauthorised, false));
        assertThat(keys.isErased(CLIENT)).isFalse();

        fixture.givenCurrentTime(NOW.plusSeconds(60))
                .andGiven(erased("er-1", List.of("eng-1"), 0, 0), reauthorised)
                .when(command(new ReauthoriseClientData(CLIENT, "re-1", "client came back"), AS_COMPLIANCE))
                .expectNoEvents()
                .expectResultMessagePayload(new Answer<>(reauthorised, true));
    }

    @Test
    void aClientThatIsNotErasedCannotBeReauthorised() {
        fixture.givenCurrentTime(NOW)
                .when(command(new ReauthoriseClientData(CLIENT, "re-1", "client came back"), AS_COMPLIANCE))
                .expectException(rejected(
                        CONFLICT, "the data of client " + CLIENT + " is not erased: there is nothing to re-authorise"))
                .expectNoEvents();
    }
}
