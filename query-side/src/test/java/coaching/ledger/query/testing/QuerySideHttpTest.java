package coaching.ledger.query.testing;

import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.query.QueryTestApplication;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side over real HTTP, fed by appending events to the event store as the command side
 * would. Concrete tests pick their database by implementing {@link OnH2} or {@link OnPostgres};
 * all tests on one database share one Spring context, so every test uses engagement ids of its own.
 */
@ActiveProfiles("demo")
@SpringBootTest(classes = QueryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QuerySideHttpTest {

    @LocalServerPort
    private int port;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private PlatformTransactionManager transactionManager;

    /** The application's own sealer, whose client keys the views open envelopes with. */
    @Autowired
    private Sealer sealer;

    @Autowired
    private JdbcClient database;

    protected final LedgerEvents events = new LedgerEvents();
    /** How the view under test counts its version. */
    private final ViewVersion view;

    protected LedgerHttp http;

    protected QuerySideHttpTest(ViewVersion view) {
        this.view = view;
    }

    @BeforeEach
    void connect() {
        http = new LedgerHttp(port);
    }

    protected static String newEngagementId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected long versionOf(EngagementStory story) {
        return story.versionIn(view);
    }

    protected EngagementStory tell(EngagementStory story) {
        append(story.engagementId(), story.steps());
        return story;
    }

    /** The story sealed as the command side records it now, by the sealer whose keys the views open with. */
    protected EngagementStory sealed(EngagementStory story) {
        return story.sealedBy(sealer);
    }

    /** The single value {@code sql} selects from the view's tables, as stored. */
    protected String stored(String sql, Object... params) {
        return database.sql(sql).params(params).query(String.class).single();
    }

    protected void append(String engagementId, List<Step> steps) {
        List<DomainEventMessage<?>> messages = steps.stream()
                .<DomainEventMessage<?>>map(step -> events.engagement(engagementId, step))
                .toList();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> eventStore.publish(messages));
    }

    protected void append(DomainEventMessage<?> message) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> eventStore.publish(message));
    }

    /** GETs {@code path} as {@code user} until the answer is 200 and satisfies {@code ready}, and returns it. */
    protected JsonNode awaitJson(String path, String user, Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            LedgerHttp.Response response = http.get(path, user);
                            return response.status() == 200 ? response.json() : null;
                        },
                        json -> json != null && ready.test(json));
    }

    /** The element of a JSON array whose {@code engagementId} is the given one, or null. */
    protected static JsonNode engagement(JsonNode array, String engagementId) {
        for (JsonNode element : array) {
            if (element.path("engagementId").asText().equals(engagementId)) {
                return element;
            }
        }
        return null;
    }

    /** Until each engagement shows in the array at the version the view has once it applied every appended event. */
    protected Predicate<JsonNode> showsVersion(String... engagementIds) {
        return array -> Arrays.stream(engagementIds).allMatch(engagementId -> {
            JsonNode row = engagement(array, engagementId);
            return row != null && row.path("version").asLong(-1) >= events.versionIn(engagementId, view);
        });
    }

    protected static void assertStatus(LedgerHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
