package coaching.ledger.query.projections;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.coaches.Certification;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.ClientDataKeys;
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
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
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

    @Autowired
    private ClientDataKeys keys;

    @Autowired
    private PlatformTransactionManager transactionManager;

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

    /**
     * Issue 14: after an erasure a replay of every view gives the same answers: erased texts null and
     * named under erased, and compliance's erasure with its recipients. The fence is lifted afterwards,
     * so the context's other tests seal for the client under a new key.
     */
    @Test
    void afterAnErasureAReplayOfEveryViewGivesTheSameAnswers() {
        EngagementStory plain = EngagementStory.of(newEngagementId("replay-erased"));
        tell(sealed(plain));
        String clientId = EngagementStory.CLIENT.id();
        String erasureId = newEngagementId("erasure");
        UpdateShared toBoss = (UpdateShared) plain.steps().get(9).event();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        try {
            transactions.executeWithoutResult(status -> keys.erase(clientId, erasureId));
            append(events.client(
                    clientId,
                    Step.of(
                            EngagementStory.COMPLIANCE,
                            new ClientDataErased(
                                    clientId,
                                    erasureId,
                                    "ticket DPO-9",
                                    "compliance-cy",
                                    Instant.now(),
                                    List.of(plain.engagementId()),
                                    1,
                                    0))));
            append(events.client(
                    clientId,
                    Step.of(
                            EngagementStory.COMPLIANCE,
                            new ErasureNotificationDue(
                                    clientId,
                                    erasureId,
                                    "boss-ben",
                                    Role.BOSS,
                                    List.of(new DisclosedUpdate(
                                            plain.engagementId(), toBoss.updateId(), toBoss.sharedAt()))))));
            long head = head();
            awaitJson(PROJECTIONS, "admin-ada", all -> allCaughtUpTo(all, head));
            Map<String, JsonNode> before = answersAbout(plain.engagementId(), clientId);
            assertThat(before.get("client").path("erased").toString())
                    .contains("sessions[session-1].notes", "disclosures[update-boss].content", "satisfaction.comment");
            assertThat(before.get("client")
                            .path("sessions")
                            .get(0)
                            .path("notes")
                            .isNull())
                    .isTrue();
            assertThat(before.get("boss").path("erased").toString()).contains("updates[update-boss].content");
            assertThat(before.get("compliance").toString()).contains(erasureId, "boss-ben");

            for (String name : Views.NAMES) {
                assertStatus(http.post(PROJECTIONS + "/" + name + "/replay", "admin-ada", ""), 202);
                awaitJson(PROJECTIONS, "admin-ada", all -> caughtUp(projection(all, name), head));
            }

            assertThat(answersAbout(plain.engagementId(), clientId)).isEqualTo(before);
        } finally {
            transactions.executeWithoutResult(status -> keys.reauthorise(clientId));
        }
    }

    /** What each view answers about the engagement, and compliance about the client's erasures. */
    private Map<String, JsonNode> answersAbout(String engagementId, String clientId) {
        return Map.of(
                "client",
                http.get("/api/v1/client/engagements/" + engagementId, "client-cara")
                        .json(),
                "boss",
                http.get("/api/v1/boss/engagements/" + engagementId, "boss-ben").json(),
                "coach",
                http.get("/api/v1/coach/engagements/" + engagementId, "coach-cole")
                        .json(),
                "hr",
                engagement(
                        http.get("/api/v1/hr/engagements?engagementId=" + engagementId, "hr-hana")
                                .json(),
                        engagementId),
                "compliance",
                http.get("/api/v1/compliance/erasures?clientId=" + clientId, "compliance-cy")
                        .json());
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
