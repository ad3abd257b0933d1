package coaching.ledger.query.projections.deadletters;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.query.projections.deadletters.PoisonedEngagements.Failure;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A view parks the events of an engagement its handler fails on, keeps applying the other
 * engagements, counts and lists what it parked, and applies it in order when retried once the
 * cause is gone. The boss view is made to fail by a test-only handler in its processor
 * ({@link PoisonedEngagements}). Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class DeadLettersHttpTest extends QuerySideHttpTest {

    private static final String PROJECTIONS = "/api/v1/admin/projections";
    private static final String LETTERS = PROJECTIONS + "/boss/dead-letters";
    private static final String ADMIN = "admin-ada";
    /** The poisoned event: the shortlist, the second event of each story. */
    private static final int POISONED_VERSION = 1;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PoisonedEngagements poison;

    private ListAppender<ILoggingEvent> capturing;

    DeadLettersHttpTest() {
        super(ViewVersion.of(PartyView.BOSS));
    }

    @Test
    void aFailingHandlerParksItsEngagementWhileTheOthersFlowAndARetryAppliesItInOrder() {
        ListAppender<ILoggingEvent> logged = captureLogs();
        long parkedBefore = parked();
        EngagementStory poisoned = EngagementStory.of(newEngagementId("poison"));
        List<EngagementStory> others = sameSegmentAs(poisoned, 2);
        String secret = "SECRET-" + UUID.randomUUID();
        poison.poison(poisoned.engagementId(), Failure.HANDLER_THROWS, POISONED_VERSION, secret);

        publishInterleaved(poisoned, others);

        awaitApplied(others);
        int parkedEvents = poisoned.steps().size() - POISONED_VERSION;
        await().atMost(Duration.ofSeconds(30)).until(() -> parked() == parkedBefore + parkedEvents);
        // the view holds the engagement as it was before the failing event; what the handlers had
        // written for that event was taken back
        assertThat(bossVersion(poisoned)).isEqualTo(POISONED_VERSION - 1);
        assertThat(bossShortlist(poisoned)).isNull();

        LedgerHttp.Response listing = http.get(LETTERS + "?limit=1000", ADMIN);
        assertStatus(listing, 200);
        List<JsonNode> letters = lettersOf(listing.json(), poisoned);
        assertThat(letters)
                .extracting(letter -> letter.path("version").asLong())
                .containsExactlyElementsOf(Stream.iterate((long) POISONED_VERSION, v -> v + 1)
                        .limit(parkedEvents)
                        .toList());
        assertThat(letters)
                .extracting(letter -> letter.path("globalIndex").asLong())
                .isSorted();
        assertThat(letters.get(0).path("eventType").asText()).isEqualTo("CoachesShortlisted");
        assertThat(letters.get(0).path("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letters.get(0).path("causeMessage").asText()).isEqualTo("IllegalStateException");
        assertThat(letters.subList(1, letters.size()))
                .allMatch(letter -> letter.path("causeType").isNull());
        assertThat(listing.body())
                .doesNotContain(
                        secret,
                        poisoned.secrets().sessionNotes(),
                        poisoned.secrets().bossContent());

        // still failing: the retry applies nothing and keeps the events parked, in order
        JsonNode failedAgain = retry();
        assertThat(failedAgain.path("eventsApplied").asLong()).isZero();
        assertThat(failedAgain.path("stillParked").asLong()).isEqualTo(parkedBefore + parkedEvents);
        assertThat(bossVersion(poisoned)).isEqualTo(POISONED_VERSION - 1);
        assertThat(bossShortlist(poisoned)).isNull();

        poison.cure(poisoned.engagementId());
        JsonNode retried = retry();
        assertThat(retried.path("eventsApplied").asLong()).isEqualTo(parkedBefore + parkedEvents);
        assertThat(retried.path("stillParked").asLong()).isZero();
        assertThat(projection("boss").path("parked").asLong()).isZero();
        assertThat(bossVersion(poisoned)).isEqualTo(versionOf(poisoned));
        // the failure was logged (the retry that failed again), without the handler's message
        assertThat(logged.list).anyMatch(event -> event.getThrowableProxy() != null);
        assertThat(logged.list).noneMatch(event -> mentions(event, secret));

        // the view is what it would have been without the failure: what a replay rebuilds
        List<String> afterRetry = bossRows(poisoned, others);
        replayBoss();
        assertThat(bossRows(poisoned, others)).isEqualTo(afterRetry);
    }

    @Test
    void aWriteRefusedAtCommitParksOnlyItsEngagementAndAReplayClearsTheParkedEvents() {
        ListAppender<ILoggingEvent> logged = captureLogs();
        long parkedBefore = parked();
        EngagementStory poisoned = EngagementStory.of(newEngagementId("refused"));
        List<EngagementStory> others = sameSegmentAs(poisoned, 2);
        String secret = "SECRET-" + UUID.randomUUID();
        poison.poison(poisoned.engagementId(), Failure.WRITE_REFUSED_AT_COMMIT, POISONED_VERSION, secret);

        publishInterleaved(poisoned, others);

        // the batch failed at its commit; its retry, one event at a time, parked the poisoned one alone
        awaitApplied(others);
        int parkedEvents = poisoned.steps().size() - POISONED_VERSION;
        await().atMost(Duration.ofSeconds(30)).until(() -> parked() == parkedBefore + parkedEvents);
        assertThat(bossVersion(poisoned)).isEqualTo(POISONED_VERSION - 1);
        JsonNode first = lettersOf(http.get(LETTERS + "?limit=1000", ADMIN).json(), poisoned)
                .get(0);
        assertThat(first.path("causeType").asText()).endsWith("ViewWriteFailed");
        assertThat(first.path("causeMessage").asText())
                .contains("SQLState 22001")
                .contains("INSERT INTO boss_update")
                .doesNotContain(secret);
        // the failed batch was logged, without the database's message (H2's quotes the value)
        assertThat(logged.list).anyMatch(event -> event.getThrowableProxy() != null);
        assertThat(logged.list).noneMatch(event -> mentions(event, secret));

        // a replay handles every event again: it drops the parked ones with the view's rows
        poison.cure(poisoned.engagementId());
        replayBoss();
        assertThat(projection("boss").path("parked").asLong()).isZero();
        assertThat(bossVersion(poisoned)).isEqualTo(versionOf(poisoned));
        others.forEach(story -> assertThat(bossVersion(story)).isEqualTo(versionOf(story)));
    }

    @Test
    void aHandlerFailingAfterItsWritesWereSentIsParkedByTheIsolatedRetryOfItsBatch() {
        long parkedBefore = parked();
        EngagementStory poisoned = EngagementStory.of(newEngagementId("flushed"));
        List<EngagementStory> others = sameSegmentAs(poisoned, 2);
        poison.poison(poisoned.engagementId(), Failure.HANDLER_THROWS_AFTER_FLUSH, POISONED_VERSION, "flushed");

        publishInterleaved(poisoned, others);

        // the sent writes could not be taken back, so the batch rolled back; its isolated retry parked the event
        awaitApplied(others);
        int parkedEvents = poisoned.steps().size() - POISONED_VERSION;
        await().atMost(Duration.ofSeconds(30)).until(() -> parked() == parkedBefore + parkedEvents);
        assertThat(bossVersion(poisoned)).isEqualTo(POISONED_VERSION - 1);
        assertThat(bossShortlist(poisoned)).isNull();

        poison.cure(poisoned.engagementId());
        assertThat(retry().path("stillParked").asLong()).isZero();
        assertThat(bossVersion(poisoned)).isEqualTo(versionOf(poisoned));
    }

    @Test
    void theDatabaseBeingAwayParksNothingTheBatchIsTriedAgain() {
        long parkedBefore = parked();
        EngagementStory unlucky = EngagementStory.of(newEngagementId("away"));
        poison.poison(unlucky.engagementId(), Failure.DATABASE_AWAY, POISONED_VERSION, "away");

        publishInterleaved(unlucky, List.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> poison.attempts(unlucky.engagementId()) >= 2);
        assertThat(parked()).isEqualTo(parkedBefore);
        assertThat(lettersOf(http.get(LETTERS + "?limit=1000", ADMIN).json(), unlucky))
                .isEmpty();

        poison.cure(unlucky.engagementId());
        awaitApplied(List.of(unlucky));
        assertThat(parked()).isEqualTo(parkedBefore);
        System.out.printf(
                "database away: the boss view tried the batch %d times, parked nothing%n",
                poison.attempts(unlucky.engagementId()));
    }

    @Test
    void onlyAnAdminMaySeeOrRetryParkedEvents() {
        for (String user : new String[] {"hr-hana", "boss-ben", "compliance-cy", "integrator-ivy"}) {
            assertStatus(http.get(LETTERS, user), 403);
            assertStatus(http.post(LETTERS + "/retry", user, ""), 403);
        }
        assertStatus(http.get(LETTERS, null), 401);
        assertStatus(http.post(LETTERS + "/retry", null, ""), 401);

        for (LedgerHttp.Response unknown : List.of(
                http.get(PROJECTIONS + "/nonsense/dead-letters", ADMIN),
                http.post(PROJECTIONS + "/nonsense/dead-letters/retry", ADMIN, ""))) {
            assertStatus(unknown, 404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
            assertThat(unknown.json().path("detail").asText()).contains("nonsense");
        }
        LedgerHttp.Response listing = http.get(LETTERS, ADMIN);
        assertStatus(listing, 200);
        assertThat(listing.json().path("view").asText()).isEqualTo("boss");
        assertThat(listing.json().path("parked").asLong())
                .isEqualTo(listing.json().path("events").size());
    }

    /** Collects what is logged (WARN and up) until the end of the test. */
    private ListAppender<ILoggingEvent> captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        capturing = appender;
        return appender;
    }

    @AfterEach
    void cureAndStopCapturing() {
        poison.cureAll();
        if (capturing != null) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(capturing);
            capturing = null;
        }
    }

    private static boolean mentions(ILoggingEvent event, String text) {
        if (event.getFormattedMessage().contains(text)) {
            return true;
        }
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            if (String.valueOf(thrown.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Stories whose engagements fall in the same segment as {@code story}'s, at any segment count up to 4. */
    private static List<EngagementStory> sameSegmentAs(EngagementStory story, int count) {
        List<EngagementStory> stories = new ArrayList<>();
        while (stories.size() < count) {
            String candidate = newEngagementId("flow");
            if ((candidate.hashCode() & 3) == (story.engagementId().hashCode() & 3)) {
                stories.add(EngagementStory.of(candidate));
            }
        }
        return stories;
    }

    /** Every story's events in one transaction, step by step across the engagements, the poisoned one first. */
    private void publishInterleaved(EngagementStory first, List<EngagementStory> others) {
        List<EngagementStory> stories = new ArrayList<>(List.of(first));
        stories.addAll(others);
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int step = 0; step < first.steps().size(); step++) {
            for (EngagementStory story : stories) {
                messages.add(
                        events.engagement(story.engagementId(), story.steps().get(step)));
            }
        }
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> eventStore.publish(messages));
    }

    private void awaitApplied(List<EngagementStory> stories) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stories.stream().allMatch(story -> bossVersion(story) == versionOf(story)));
    }

    private long bossVersion(EngagementStory story) {
        return jdbc.sql("SELECT version FROM boss_engagement WHERE engagement_id = ?")
                .param(story.engagementId())
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    private String bossShortlist(EngagementStory story) {
        return jdbc.sql("SELECT shortlist FROM boss_engagement WHERE engagement_id = ?")
                .param(story.engagementId())
                .query((row, number) -> row.getString(1))
                .list()
                .get(0);
    }

    private long parked() {
        return projection("boss").path("parked").asLong();
    }

    private JsonNode projection(String name) {
        LedgerHttp.Response response = http.get(PROJECTIONS, ADMIN);
        assertStatus(response, 200);
        for (JsonNode projection : response.json()) {
            if (projection.path("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name + " in " + response.body());
    }

    private JsonNode retry() {
        LedgerHttp.Response response = http.post(LETTERS + "/retry", ADMIN, "");
        assertStatus(response, 200);
        assertThat(response.json().path("view").asText()).isEqualTo("boss");
        return response.json();
    }

    private static List<JsonNode> lettersOf(JsonNode listing, EngagementStory story) {
        List<JsonNode> letters = new ArrayList<>();
        listing.path("events").forEach(letter -> {
            if (letter.path("sequence").asText().equals(story.engagementId())) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private void replayBoss() {
        long head = eventStore.createHeadToken().position().orElseThrow();
        assertStatus(http.post(PROJECTIONS + "/boss/replay", ADMIN, ""), 202);
        awaitJson(PROJECTIONS, ADMIN, all -> {
            for (JsonNode projection : all) {
                if (projection.path("name").asText().equals("boss")) {
                    return projection.path("caughtUp").asBoolean()
                            && !projection.path("replaying").asBoolean()
                            && projection.path("position").asLong(-1) >= head;
                }
            }
            return false;
        });
    }

    /** The boss view's rows of these engagements, as text in a stable order. */
    private List<String> bossRows(EngagementStory poisoned, List<EngagementStory> others) {
        List<String> ids = new ArrayList<>(List.of(poisoned.engagementId()));
        others.forEach(story -> ids.add(story.engagementId()));
        List<String> rows = new ArrayList<>();
        for (String table : List.of("boss_engagement", "boss_update")) {
            for (String id : ids) {
                jdbc.sql("SELECT * FROM " + table + " WHERE engagement_id = ?")
                        .param(id)
                        .query()
                        .listOfRows()
                        .forEach(row -> rows.add(table + " " + new TreeMap<>(row)));
            }
        }
        return rows.stream().sorted().toList();
    }
}
