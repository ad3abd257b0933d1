package coaching.ledger.query.rows;

import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import coaching.ledger.query.boss.BossProjection;
import coaching.ledger.query.client.ClientProjection;
import coaching.ledger.query.coach.CoachProjection;
import coaching.ledger.query.compliance.ComplianceProjection;
import coaching.ledger.query.engagement.ConfidentialTexts;
import coaching.ledger.query.hr.HrEngagementFeed;
import coaching.ledger.query.hr.HrProjection;
import coaching.ledger.query.hr.HrView;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Json;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched view writes must leave every view exactly as writing each statement at once does: the
 * same interleaved history is fed to one database event by event and to another in batches, and
 * every table of the view must end up equal, on H2 and on PostgreSQL.
 */
class ViewWritesTest {

    /** A view under test: its tables and how to build its projection on a harness's writes. */
    record View(String name, ViewTables tables, Function<ViewWrites, Object> projection) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> viewsOnBothDatabases() {
        List<View> views = List.of(
                new View(
                        "hr",
                        HrProjection.TABLES,
                        writes -> new HrProjection(
                                writes,
                                Json.mapper(),
                                new HrEngagementFeed(
                                        new HrView(
                                                writes.jdbc(),
                                                Json.mapper(),
                                                new ConfidentialTexts(InMemoryClientDataKeys.sealer())),
                                        3,
                                        4096,
                                        Duration.ofSeconds(15)))),
                new View("boss", BossProjection.TABLES, BossProjection::new),
                new View("client", ClientProjection.TABLES, ClientProjection::new),
                new View("coach", CoachProjection.TABLES, CoachProjection::new),
                new View("compliance", ComplianceProjection.TABLES, ComplianceProjection::new));
        List<Arguments> arguments = new ArrayList<>();
        for (View view : views) {
            arguments.add(Arguments.of(view, "H2", (Supplier<ProjectionHarness>) ProjectionHarness::new));
            arguments.add(
                    Arguments.of(view, "PostgreSQL", (Supplier<ProjectionHarness>) ProjectionHarness::onPostgres));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("viewsOnBothDatabases")
    void batchesLeaveTheViewAsSingleStatementsDo(View view, String database, Supplier<ProjectionHarness> harnesses) {
        ProjectionHarness oneByOne = harnesses.get();
        ProjectionHarness batched = harnesses.get();
        oneByOne.project(view.projection());
        batched.project(view.projection());
        // several engagements at once, each closed at the end (which ends its consents), so one batch
        // holds several events of one engagement and of different ones, and a disclosure's grant
        List<EngagementStory> stories = IntStream.range(0, 6)
                .mapToObj(i -> EngagementStory.of("eng-batch-" + i))
                .map(story -> new EngagementStory(story.engagementId(), story.secrets(), ratedAndClosed(story)))
                .toList();
        List<TrackedEventMessage<?>> history = oneByOne.interleaved(stories);

        oneByOne.deliverOneByOne(history);
        batched.deliverInBatches(history, 25);

        assertThat(batched.rowsOf(view.tables())).isNotEmpty().isEqualTo(oneByOne.rowsOf(view.tables()));
    }

    @Test
    void aBatchSendsItsWritesWhenItCommits() {
        ProjectionHarness harness = new ProjectionHarness();
        AnnotationEventHandlerAdapter boss = new AnnotationEventHandlerAdapter(harness.project(BossProjection::new));
        List<TrackedEventMessage<?>> history = harness.interleaved(List.of(EngagementStory.of("eng-pending")));
        List<Long> rowsBeforeCommit = new ArrayList<>();

        BatchingUnitOfWork<TrackedEventMessage<?>> batch = new BatchingUnitOfWork<>(history);
        batch.executeWithResult(() -> {
            boss.handle(batch.getMessage());
            rowsBeforeCommit.add(bossRows(harness.jdbc()));
            return null;
        });

        assertThat(rowsBeforeCommit).hasSize(history.size()).containsOnly(0L);
        assertThat(bossRows(harness.jdbc())).isEqualTo(1L);
    }

    @Test
    void aRolledBackBatchWritesNothing() {
        ProjectionHarness harness = new ProjectionHarness();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("any"));
        harness.writes()
                .sql("coach-x", "INSERT INTO hr_coach (coach_id, display_name) VALUES (:id, :name)")
                .param("id", "coach-x")
                .param("name", "X")
                .execute();
        unitOfWork.rollback();

        assertThat(harness.jdbc()
                        .sql("SELECT COUNT(*) FROM hr_coach")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static long bossRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM boss_engagement")
                .query(Long.class)
                .single();
    }

    private static List<Step> ratedAndClosed(EngagementStory story) {
        List<Step> steps = new ArrayList<>(story.steps());
        steps.add(EngagementStory.rating(story.engagementId(), 2));
        steps.add(story.closure());
        return steps;
    }
}
