package coaching.ledger.query.projections;

import coaching.ledger.kernel.coaches.Certification;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.query.Views;
import coaching.ledger.query.boss.BossProjection;
import coaching.ledger.query.client.ClientProjection;
import coaching.ledger.query.coach.CoachProjection;
import coaching.ledger.query.compliance.ComplianceProjection;
import coaching.ledger.query.hr.HrProjection;
import coaching.ledger.query.rows.ViewTables;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Projection status and replay over HTTP; run on H2 and on PostgreSQL by the subclasses. */
abstract class ProjectionAdminHttpTest extends QuerySideHttpTest {

    private static final String PROJECTIONS = "/api/v1/admin/projections";
    private static final Map<String, ViewTables> TABLES = Map.of(
            HrProjection.NAME,
            HrProjection.TABLES,
            BossProjection.NAME,
            BossProjection.TABLES,
            ClientProjection.NAME,
            ClientProjection.TABLES,
            CoachProjection.NAME,
            CoachProjection.TABLES,
            ComplianceProjection.NAME,
            ComplianceProjection.TABLES);

    @Autowired
    private EventStore eventStore;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    /** The client view applies every event of an engagement; the admin test waits on it. */
    ProjectionAdminHttpTest() {
        super(ViewVersion.of(PartyView.CLIENT));
    }

    @Test
    void everyViewRunsOnAPooledStreamingProcessor() {
        for (String name : Views.NAMES) {
            assertThat(processing.eventProcessor(name))
                    .as(name)
                    .get()
                    .isInstanceOf(PooledStreamingEventProcessor.class);
        }
    }

    @Test
    void listsEveryProjectionWithItsPosition() {
        tell(EngagementStory.of(newEngagementId("admin")));
        long head = head();

        JsonNode projections = awaitJson(PROJECTIONS, "admin-ada", all -> allCaughtUpTo(all, head));

        assertThat(projections.findValuesAsText("name")).containsExactly("hr", "boss", "client", "coach", "compliance");
        for (JsonNode projection : projections) {
            assertThat(projection.path("running").asBoolean()).isTrue();
            assertThat(projection.path("replaying").asBoolean()).isFalse();
            assertThat(projection.path("replayProgress").isNull()).isTrue();
            assertThat(projection.path("parked").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void aReplayRebuildsEachViewExactlyAsItWas() {
        append(events.coach(
                EngagementStory.HR,
                new CoachRegistered(
                        "coach-" + newEngagementId("replay"),
                        "Riley",
                        List.of(new Certification("EMCC", "Senior Practitioner", null)),
                        9,
                        List.of("teams"))));
        EngagementStory closed = tell(EngagementStory.of(newEngagementId("replay")));
        append(closed.engagementId(), List.of(closed.closure()));
        EngagementStory selecting = EngagementStory.of(newEngagementId("replay"));
        append(selecting.engagementId(), selecting.steps().subList(0, 3));
        long head = head();
        awaitJson(PROJECTIONS, "admin-ada", all -> allCaughtUpTo(all, head));

        for (String name : Views.NAMES) {
            List<String> before = contentsOf(TABLES.get(name));

            LedgerHttp.Response accepted = http.post(PROJECTIONS + "/" + name + "/replay", "admin-ada", "");
            assertStatus(accepted, 202);
            assertThat(accepted.json().path("replaying").asBoolean()).isTrue();
            awaitJson(PROJECTIONS, "admin-ada", all -> caughtUp(projection(all, name), head));

            assertThat(contentsOf(TABLES.get(name))).as(name).isEqualTo(before);
        }
    }

    /** Issue 14: a replay copies each envelope again from its event, so the view's rows come back as they were. */
    @Test
    void aReplayOfSealedEventsRebuildsTheSameEnvelopes() {
        EngagementStory plain =
                EngagementStory.of(newEngagementId("replay-sealed")).revokedAndClosed();
        tell(sealed(plain));
        long head = head();
        awaitJson(PROJECTIONS, "admin-ada", all -> allCaughtUpTo(all, head));
        List<String> before = contentsOf(ClientProjection.TABLES);
        assertThat(before.stream().filter(row -> row.contains(plain.engagementId())))
                .anySatisfy(row -> assertThat(row).contains(Sealer.PREFIX))
                .allSatisfy(row -> assertThat(row).doesNotContain(plain.confidentialTexts()));

        assertStatus(http.post(PROJECTIONS + "/" + ClientProjection.NAME + "/replay", "admin-ada", ""), 202);
        awaitJson(PROJECTIONS, "admin-ada", all -> caughtUp(projection(all, ClientProjection.NAME), head));

        assertThat(contentsOf(ClientProjection.TABLES)).isEqualTo(before);
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        assertStatus(http.post(PROJECTIONS + "/nonsense/replay", "admin-ada", ""), 404);
    }

    @Test
    void onlyAnAdminMaySeeOrReplayProjections() {
        for (String user : new String[] {"hr-hana", "compliance-cy", "integrator-ivy"}) {
            assertStatus(http.get(PROJECTIONS, user), 403);
            assertStatus(http.post(PROJECTIONS + "/hr/replay", user, ""), 403);
        }
        assertStatus(http.get(PROJECTIONS, null), 401);
        assertStatus(http.post(PROJECTIONS + "/hr/replay", null, ""), 401);
    }

    private long head() {
        return eventStore.createHeadToken().position().orElseThrow();
    }

    private static boolean allCaughtUpTo(JsonNode projections, long head) {
        for (JsonNode projection : projections) {
            if (!caughtUp(projection, head)) {
                return false;
            }
        }
        return true;
    }

    private static boolean caughtUp(JsonNode projection, long head) {
        return projection.path("caughtUp").asBoolean()
                && !projection.path("replaying").asBoolean()
                && projection.path("position").asLong(-1) >= head;
    }

    private static JsonNode projection(JsonNode projections, String name) {
        for (JsonNode projection : projections) {
            if (projection.path("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name + " in " + projections);
    }

    /** Every row of the view's tables as text, in a stable order. */
    private List<String> contentsOf(ViewTables tables) {
        return tables.names().stream()
                .flatMap(table -> jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream()
                        .map(row -> table + " " + new TreeMap<>(row)))
                .sorted()
                .toList();
    }
}
