package coaching.ledger.command.engagement;

import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sessions.LogSession;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.sealing.Sealer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static coaching.ledger.command.EngagementFixtures.AFTER_ACTIVE;
import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.activeEngagement;
import static coaching.ledger.command.EngagementFixtures.command;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.events;
import static coaching.ledger.command.EngagementFixtures.given;
import static coaching.ledger.command.EngagementFixtures.grant;
import static coaching.ledger.command.EngagementFixtures.granted;
import static coaching.ledger.command.EngagementFixtures.purposeOf;
import static coaching.ledger.command.EngagementFixtures.rejected;
import static coaching.ledger.command.EngagementFixtures.sessionLoggedInClear;
import static coaching.ledger.command.EngagementFixtures.share;
import static coaching.ledger.command.EngagementFixtures.storedPayloads;
import static coaching.ledger.kernel.Rejection.Kind.CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the write side stores of confidential text: each of the six confidential fields only as an
 * envelope under the key of the engagement's client, opening with the field's own place to the text
 * the client sent; the same text in two records seals differently. A retry of a command whose first
 * attempt was stored in clear, before the ledger sealed confidential text, is still a repeat (the
 * retries of sealed events: {@link RetriesAfterRebuildTest}).
 */
class SealedFieldsTest {

    private static final String SECRET = "CANARY Cara wants to leave the company";

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = engagementFixture();
    }

    static Stream<Arguments> confidentialCommands() {
        CommandMessage<?> grant = command(grant("c-1", Audience.BOSS, null, Scope.PROGRESS), AS_CLIENT);
        return Stream.of(
                Arguments.of(
                        "SessionLogged.notes",
                        List.of(),
                        command(new LogSession(ENGAGEMENT, "s-1", LocalDate.of(2026, 11, 20), 60, SECRET), AS_COACH)),
                Arguments.of(
                        "UpdateShared.content",
                        List.of(grant),
                        command(share("u-1", Audience.BOSS, Scope.PROGRESS, SECRET), AS_COACH)),
                Arguments.of(
                        "SatisfactionRecorded.comment",
                        List.of(),
                        command(new RecordSatisfaction(ENGAGEMENT, 4, SECRET), AS_CLIENT)),
                Arguments.of(
                        "UpdateConsentRevoked.reason",
                        List.of(grant),
                        command(new RevokeUpdateConsent(ENGAGEMENT, "c-1", SECRET), AS_CLIENT)),
                Arguments.of(
                        "UpdateRequested.message",
                        List.of(),
                        command(new RequestUpdate(ENGAGEMENT, "r-1", Scope.PROGRESS, SECRET), AS_BOSS)),
                Arguments.of(
                        "EngagementClosed.reason",
                        List.of(),
                        command(new CloseEngagement(ENGAGEMENT, Outcome.COMPLETED, SECRET), AS_HR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confidentialCommands")
    @SuppressWarnings("unchecked")
    void eachConfidentialFieldIsStoredAsAnEnvelopeThatOpensToTheSubmittedText(
            String field, List<CommandMessage<?>> before, CommandMessage<?> command) {
        given(fixture, activeEngagement())
                .andGivenCommands(before)
                .when(command.getPayload(), (Map<String, ?>) command.getMetaData())
                .expectSuccessfulHandlerExecution();

        List<Object> stored = storedPayloads(fixture);
        Place place = placeOf(stored.get(stored.size() - 1));

        assertThat(place.field().eventType() + "." + place.field().field()).isEqualTo(field);
        assertThat(Sealer.isEnvelope(place.stored())).isTrue();
        assertThat(place.stored()).doesNotContain("CANARY");
        assertThat(SEALER.open(place.field(), place.stored())).isEqualTo(SECRET);
    }

    /** Envelopes bound to their record: comparing two records' envelopes tells nothing of their texts. */
    @Test
    void theSameTextInTwoRecordsSealsDifferently() {
        given(fixture, activeEngagement())
                .andGivenCommands(
                        command(grant("c-1", Audience.BOSS, null, Scope.PROGRESS), AS_CLIENT),
                        command(grant("c-2", Audience.BOSS, null, Scope.GOALS), AS_CLIENT),
                        command(new LogSession(ENGAGEMENT, "s-1", LocalDate.of(2026, 11, 20), 60, SECRET), AS_COACH),
                        command(new LogSession(ENGAGEMENT, "s-2", LocalDate.of(2026, 11, 27), 60, SECRET), AS_COACH),
                        command(share("u-1", Audience.BOSS, Scope.PROGRESS, SECRET), AS_COACH),
                        command(share("u-2", Audience.BOSS, Scope.PROGRESS, SECRET), AS_COACH),
                        command(new RequestUpdate(ENGAGEMENT, "r-1", Scope.PROGRESS, SECRET), AS_BOSS),
                        command(new RequestUpdate(ENGAGEMENT, "r-2", Scope.PROGRESS, SECRET), AS_BOSS),
                        command(new RevokeUpdateConsent(ENGAGEMENT, "c-1", SECRET), AS_CLIENT))
                .when(new RevokeUpdateConsent(ENGAGEMENT, "c-2", SECRET), AS_CLIENT)
                .expectSuccessfulHandlerExecution();

        List<Place> places = storedPayloads(fixture).stream()
                .filter(payload -> !(payload instanceof UpdateConsentGranted))
                .skip(activeEngagement().size())
                .map(SealedFieldsTest::placeOf)
                .toList();

        assertThat(places).hasSize(8);
        assertThat(places.stream().map(Place::stored)).doesNotHaveDuplicates().allMatch(Sealer::isEnvelope);
        assertThat(places)
                .allSatisfy(place ->
                        assertThat(SEALER.open(place.field(), place.stored())).isEqualTo(SECRET));
    }

    /** Events as the ledger stored them before it sealed confidential text, and their retries. */
    static Stream<Arguments> retriesOfEventsStoredInClear() {
        return Stream.of(
                Arguments.of(
                        "log a session",
                        List.of(sessionLoggedInClear("s-1", SECRET)),
                        new LogSession(ENGAGEMENT, "s-1", LocalDate.of(2026, 11, 20), 60, SECRET),
                        AS_COACH,
                        Receipt.repeated("s-1", AFTER_ACTIVE)),
                Arguments.of(
                        "share an update",
                        List.of(
                                granted("c-1", Audience.BOSS, null, Scope.PROGRESS),
                                new UpdateShared(
                                        ENGAGEMENT,
                                        "u-1",
                                        Audience.BOSS,
                                        Scope.PROGRESS,
                                        SECRET,
                                        BOSS,
                                        COACH,
                                        NOW,
                                        "c-1",
                                        purposeOf("c-1"),
                                        "grant-event",
                                        AFTER_ACTIVE)),
                        share("u-1", Audience.BOSS, Scope.PROGRESS, SECRET),
                        AS_COACH,
                        Receipt.repeated("u-1", AFTER_ACTIVE + 1)),
                Arguments.of(
                        "rate satisfaction",
                        List.of(new SatisfactionRecorded(ENGAGEMENT, 4, SECRET)),
                        new RecordSatisfaction(ENGAGEMENT, 4, SECRET),
                        AS_CLIENT,
                        Receipt.repeated(ENGAGEMENT, AFTER_ACTIVE)),
                Arguments.of(
                        "revoke a consent",
                        List.of(
                                granted("c-1", Audience.BOSS, null, Scope.PROGRESS),
                                new UpdateConsentRevoked(ENGAGEMENT, "c-1", SECRET)),
                        new RevokeUpdateConsent(ENGAGEMENT, "c-1", SECRET),
                        AS_CLIENT,
                        Receipt.repeated("c-1", AFTER_ACTIVE + 1)),
                Arguments.of(
                        "request an update",
                        List.of(new UpdateRequested(ENGAGEMENT, "r-1", Audience.BOSS, BOSS, Scope.PROGRESS, SECRET)),
                        new RequestUpdate(ENGAGEMENT, "r-1", Scope.PROGRESS, SECRET),
                        AS_BOSS,
                        Receipt.repeated("r-1", AFTER_ACTIVE - 1)),
                Arguments.of(
                        "close",
                        List.of(new EngagementClosed(ENGAGEMENT, Outcome.COMPLETED, SECRET, HR, List.of())),
                        new CloseEngagement(ENGAGEMENT, Outcome.COMPLETED, SECRET),
                        AS_HR,
                        Receipt.repeated(ENGAGEMENT, AFTER_ACTIVE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retriesOfEventsStoredInClear")
    void aRetryOfAnEventStoredInClearBeforeSealingIsStillARepeat(
            String name, List<Object> storedInClear, Object retry, Map<String, String> actor, Receipt original) {
        given(fixture, events(activeEngagement(), storedInClear))
                .when(retry, actor)
                .expectNoEvents()
                .expectResultMessagePayload(original);
    }

    /** The clear candidate is the retry's own text in clear: other text is still another content. */
    @Test
    void otherTextThanTheOneStoredInClearStillConflicts() {
        given(fixture, events(activeEngagement(), sessionLoggedInClear("s-1", SECRET)))
                .when(new LogSession(ENGAGEMENT, "s-1", LocalDate.of(2026, 11, 20), 60, "rewritten"), AS_COACH)
                .expectException(rejected(CONFLICT, "session s-1 is already logged" + USED_ONCE))
                .expectNoEvents();
    }

    /** A confidential field where it was stored, as stored, with the place it is sealed for. */
    record Place(SealedField field, String stored) {}

    private static Place placeOf(Object payload) {
        if (payload instanceof SessionLogged logged) {
            return new Place(SessionLogged.notesField(CLIENT, ENGAGEMENT, logged.sessionId()), logged.notes());
        }
        if (payload instanceof UpdateShared shared) {
            return new Place(UpdateShared.contentField(CLIENT, ENGAGEMENT, shared.updateId()), shared.content());
        }
        if (payload instanceof SatisfactionRecorded rated) {
            return new Place(SatisfactionRecorded.commentField(CLIENT, ENGAGEMENT), rated.comment());
        }
        if (payload instanceof UpdateConsentRevoked revoked) {
            return new Place(
                    UpdateConsentRevoked.reasonField(CLIENT, ENGAGEMENT, revoked.consentId()), revoked.reason());
        }
        if (payload instanceof UpdateRequested requested) {
            return new Place(
                    UpdateRequested.messageField(CLIENT, ENGAGEMENT, requested.requestId()), requested.message());
        }
        if (payload instanceof EngagementClosed closed) {
            return new Place(EngagementClosed.reasonField(CLIENT, ENGAGEMENT), closed.reason());
        }
        throw new AssertionError(
                "no confidential field in " + payload.getClass().getSimpleName());
    }
}
