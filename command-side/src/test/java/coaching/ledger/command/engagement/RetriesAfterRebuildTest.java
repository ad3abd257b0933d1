package coaching.ledger.command.engagement;

import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.selection.ApproveBudget;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.SelectCoach;
import coaching.ledger.kernel.selection.ShortlistCoaches;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.LogSession;
import coaching.ledger.platform.axon.AxonInfrastructure;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static coaching.ledger.command.EngagementFixtures.AS_BOSS;
import static coaching.ledger.command.EngagementFixtures.AS_CLIENT;
import static coaching.ledger.command.EngagementFixtures.AS_COACH;
import static coaching.ledger.command.EngagementFixtures.AS_HR;
import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.RUNNER_UP;
import static coaching.ledger.command.EngagementFixtures.command;
import static coaching.ledger.command.EngagementFixtures.engagementFixture;
import static coaching.ledger.command.EngagementFixtures.grant;
import static coaching.ledger.command.EngagementFixtures.share;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every idempotent command of an engagement, recorded by its own decision, then sent again to the
 * engagement rebuilt from the events it stored: the retry is a repeat answering the original
 * receipt's version (and refusal). The fingerprint the event-sourcing handler took of the stored event
 * must equal the one the command handler takes of the would-be event, or the retry would be a 409.
 * Six of them carry confidential text, stored sealed: the retry's would-be event must seal alike.
 */
class RetriesAfterRebuildTest {

    private static final CommandMessage<?> OPEN =
            command(new OpenEngagement(ENGAGEMENT, CLIENT, BOSS, Purpose.DEVELOPMENTAL, Urgency.NORMAL), AS_HR);
    private static final CommandMessage<?> SHORTLIST =
            command(new ShortlistCoaches(ENGAGEMENT, List.of(COACH, RUNNER_UP)), AS_HR);
    private static final CommandMessage<?> SELECT = command(new SelectCoach(ENGAGEMENT, COACH), AS_CLIENT);
    private static final CommandMessage<?> BUDGET =
            command(new ApproveBudget(ENGAGEMENT, 10, new BigDecimal("3000.00"), "EUR"), AS_BOSS);
    private static final CommandMessage<?> GRANT =
            command(grant("c-1", Audience.BOSS, null, Scope.PROGRESS), AS_CLIENT);
    private static final List<CommandMessage<?>> ACTIVE = List.of(OPEN, SHORTLIST, SELECT, BUDGET);

    static Stream<Arguments> idempotentCommands() {
        return Stream.of(
                Arguments.of("open", List.of(), OPEN),
                Arguments.of("shortlist", List.of(OPEN), SHORTLIST),
                Arguments.of("select a coach", List.of(OPEN, SHORTLIST), SELECT),
                Arguments.of("approve the budget", List.of(OPEN, SHORTLIST, SELECT), BUDGET),
                Arguments.of(
                        "log a session",
                        ACTIVE,
                        command(new LogSession(ENGAGEMENT, "s-1", LocalDate.of(2026, 11, 20), 60, "notes"), AS_COACH)),
                Arguments.of("grant a consent", ACTIVE, GRANT),
                Arguments.of(
                        "revoke a consent",
                        with(ACTIVE, GRANT),
                        command(new RevokeUpdateConsent(ENGAGEMENT, "c-1", "changed my mind"), AS_CLIENT)),
                Arguments.of(
                        "request an update",
                        ACTIVE,
                        command(new RequestUpdate(ENGAGEMENT, "r-1", Scope.PROGRESS, "how is it going?"), AS_BOSS)),
                Arguments.of(
                        "share an update",
                        with(ACTIVE, GRANT),
                        command(share("u-1", Audience.BOSS, Scope.PROGRESS, "steady"), AS_COACH)),
                Arguments.of(
                        "share an update without consent (refused)",
                        ACTIVE,
                        command(share("u-1", Audience.BOSS, Scope.PROGRESS, "steady"), AS_COACH)),
                Arguments.of(
                        "rate satisfaction",
                        ACTIVE,
                        command(new RecordSatisfaction(ENGAGEMENT, 4, "helpful"), AS_CLIENT)),
                Arguments.of(
                        "close, ending a consent",
                        with(ACTIVE, GRANT),
                        command(new CloseEngagement(ENGAGEMENT, Outcome.COMPLETED, "goals reached"), AS_BOSS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idempotentCommands")
    void aRetryAfterTheEngagementWasRebuiltFromItsEventsIsARepeat(
            String name, List<CommandMessage<?>> before, CommandMessage<?> command) {
        Receipt original = answer(before, command);
        assertThat(original.repeated()).isFalse();

        Receipt retry = answer(with(before, command), command);

        assertThat(retry).isEqualTo(new Receipt(original.id(), original.version(), true, original.refusal()));
    }

    /** What the command answers, sent to a fresh fixture that rebuilds the engagement from {@code before}'s events. */
    @SuppressWarnings("unchecked")
    private static Receipt answer(List<CommandMessage<?>> before, CommandMessage<?> command) {
        AtomicReference<Receipt> answer = new AtomicReference<>();
        FixtureConfiguration<Engagement> fixture = engagementFixture();
        // as the ledger does: every event carries its command's actor in its metadata
        fixture.registerCommandHandlerInterceptor(
                new CorrelationDataInterceptor<>(new AxonInfrastructure().actorCorrelation()));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(before)
                .when(command.getPayload(), (Map<String, ?>) command.getMetaData())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<Receipt>("a receipt") {
                    @Override
                    protected boolean matchesSafely(Receipt receipt) {
                        answer.set(receipt);
                        return true;
                    }
                });
        return answer.get();
    }

    private static List<CommandMessage<?>> with(List<CommandMessage<?>> commands, CommandMessage<?> next) {
        List<CommandMessage<?>> all = new ArrayList<>(commands);
        all.add(next);
        return all;
    }
}
