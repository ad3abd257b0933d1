package coaching.ledger.query.engagement;

import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.query.boss.BossProjection;
import coaching.ledger.query.client.ClientProjection;
import coaching.ledger.query.coach.CoachProjection;
import coaching.ledger.query.hr.HrEngagementFeed;
import coaching.ledger.query.hr.HrProjection;
import coaching.ledger.query.hr.HrView;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Json;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every party's view moves its version exactly on the events {@link PartyView} says it shows, the
 * rule the write side answers receipts by: told a story with every event type of an engagement one
 * event at a time, each view is at the predicted version after every event, and an event handled
 * again (a retried batch, a retried parked event) is not counted twice. On H2 and PostgreSQL.
 */
class PartyVersionsTest {

    /** The events that move each view's version, in the story's order (the opening sets it to 0). */
    private static final Map<PartyView, List<String>> MOVED_BY = Map.of(
            PartyView.CLIENT,
                    List.of(
                            "CoachesShortlisted",
                            "CoachSelected",
                            "BudgetApproved",
                            "SessionLogged",
                            "UpdateConsentGranted",
                            "UpdateConsentGranted",
                            "UpdateRequested",
                            "UpdateRequested",
                            "UpdateShared to BOSS",
                            "UpdateShared to HR",
                            "DisclosureRefused",
                            "SatisfactionRecorded",
                            "UpdateConsentRevoked",
                            "EngagementClosed"),
            PartyView.COACH,
                    List.of(
                            "CoachesShortlisted",
                            "CoachSelected",
                            "BudgetApproved",
                            "SessionLogged",
                            "UpdateConsentGranted",
                            "UpdateConsentGranted",
                            "UpdateRequested",
                            "UpdateRequested",
                            "UpdateShared to BOSS",
                            "UpdateShared to HR",
                            "UpdateConsentRevoked",
                            "EngagementClosed"),
            // no session, consent, request, refusal, score, nor an update addressed to HR
            PartyView.BOSS,
                    List.of(
                            "CoachesShortlisted",
                            "CoachSelected",
                            "BudgetApproved",
                            "UpdateShared to BOSS",
                            "EngagementClosed"),
            // no session, consent, request, refusal, nor an update addressed to the boss
            PartyView.HR,
                    List.of(
                            "CoachesShortlisted",
                            "CoachSelected",
                            "BudgetApproved",
                            "UpdateShared to HR",
                            "SatisfactionRecorded",
                            "EngagementClosed"));

    static Stream<Arguments> viewsOnBothDatabases() {
        List<Supplier<ProjectionHarness>> databases = List.of(ProjectionHarness::new, ProjectionHarness::onPostgres);
        return databases.stream()
                .flatMap(database -> Stream.of(PartyView.values()).map(view -> Arguments.of(view, database)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viewsOnBothDatabases")
    void eachViewCountsExactlyTheEventsItShowsAndEachOnce(PartyView view, Supplier<ProjectionHarness> database) {
        ProjectionHarness harness = database.get();
        project(view, harness);
        EngagementStory story = everyEventType("eng-versions");
        ViewVersion rule = ViewVersion.of(view);

        List<String> movedBy = new ArrayList<>();
        List<Object> told = new ArrayList<>();
        for (Step step : story.steps()) {
            Long before = told.isEmpty() ? null : version(harness, view, story.engagementId());
            harness.tell(story.engagementId(), step);
            told.add(step.event());
            long after = version(harness, view, story.engagementId());
            assertThat(after)
                    .as("%s version after %s", view, label(step.event()))
                    .isEqualTo(rule.after(told));
            if (before != null && after != before) {
                movedBy.add(label(step.event()));
            }
        }
        assertThat(movedBy).as("events that moved the %s version", view).isEqualTo(MOVED_BY.get(view));

        harness.redeliverAll();
        assertThat(version(harness, view, story.engagementId()))
                .as("%s version after every event came again", view)
                .isEqualTo(story.versionIn(rule));
    }

    /** The demo story, then a revocation and the closure: every event type an engagement has. */
    private static EngagementStory everyEventType(String engagementId) {
        EngagementStory story = EngagementStory.of(engagementId);
        return story.then(
                Step.of(
                        EngagementStory.CLIENT,
                        new UpdateConsentRevoked(engagementId, EngagementStory.HR_CONSENT, "no longer needed")),
                story.closure());
    }

    private static void project(PartyView view, ProjectionHarness harness) {
        switch (view) {
            case CLIENT -> harness.project(ClientProjection::new);
            case COACH -> harness.project(CoachProjection::new);
            case BOSS -> harness.project(BossProjection::new);
            case HR -> {
                HrView hrView = new HrView(harness.jdbc(), Json.mapper(), harness.texts());
                HrEngagementFeed feed = new HrEngagementFeed(hrView, 3, 4096, Duration.ofSeconds(15));
                harness.project(writes -> new HrProjection(writes, Json.mapper(), feed));
            }
        }
    }

    private static long version(ProjectionHarness harness, PartyView view, String engagementId) {
        return harness.jdbc()
                .sql("SELECT version FROM " + view.name().toLowerCase(Locale.ROOT) + "_engagement"
                        + " WHERE engagement_id = ?")
                .param(engagementId)
                .query(Long.class)
                .single();
    }

    private static String label(Object event) {
        String type = event.getClass().getSimpleName();
        return event instanceof UpdateShared shared ? type + " to " + shared.audience() : type;
    }
}
