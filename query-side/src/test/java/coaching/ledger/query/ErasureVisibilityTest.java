package coaching.ledger.query;

import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.ClientDataReauthorised;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.erasure.ErasureRecipientNotified;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import coaching.ledger.query.boss.BossProjection;
import coaching.ledger.query.client.ClientProjection;
import coaching.ledger.query.coach.CoachProjection;
import coaching.ledger.query.hr.HrEngagementFeed;
import coaching.ledger.query.hr.HrProjection;
import coaching.ledger.query.hr.HrView;
import coaching.ledger.query.rows.ViewTables;
import coaching.ledger.query.rows.ViewWrites;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Json;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: no party view (HR, boss, client, coach) shows a legal hold, which may serve an
 * investigation nobody may be tipped off about, nor an erasure's reason or recipients: those are
 * compliance's. A party sees an erasure only as its texts reading erased.
 */
class ErasureVisibilityTest {

    private static final List<Class<?>> COMPLIANCE_ONLY = List.of(
            LegalHoldPlaced.class,
            LegalHoldReleased.class,
            ClientDataErased.class,
            ErasureNotificationDue.class,
            ErasureRecipientNotified.class,
            ClientDataReauthorised.class);

    private record PartyView(String name, Function<ViewWrites, ?> projection, ViewTables tables) {}

    private static final List<PartyView> PARTY_VIEWS = List.of(
            new PartyView(
                    HrProjection.NAME,
                    writes -> new HrProjection(
                            writes,
                            Json.mapper(),
                            new HrEngagementFeed(
                                    new HrView(writes.jdbc(), Json.mapper(), null), 3, 4096, Duration.ofSeconds(15))),
                    HrProjection.TABLES),
            new PartyView(BossProjection.NAME, BossProjection::new, BossProjection.TABLES),
            new PartyView(ClientProjection.NAME, ClientProjection::new, ClientProjection.TABLES),
            new PartyView(CoachProjection.NAME, CoachProjection::new, CoachProjection.TABLES));

    @Test
    void noPartyViewHandlesALegalHoldOrAnErasuresRecord() {
        for (PartyView view : PARTY_VIEWS) {
            ProjectionHarness harness = new ProjectionHarness();
            harness.project(view.projection());
            for (Class<?> event : COMPLIANCE_ONLY) {
                assertThat(harness.handles(event))
                        .as(view.name() + " handles " + event.getSimpleName())
                        .isFalse();
            }
        }
    }

    @Test
    void noPartyViewKeepsAHoldsReasonOrAnErasuresReason() {
        for (PartyView view : PARTY_VIEWS) {
            ProjectionHarness harness = new ProjectionHarness();
            harness.project(view.projection());
            EngagementStory story = EngagementStory.of("eng-held");
            harness.tell(story);
            harness.tell(
                    "eng-held",
                    Step.of(
                            EngagementStory.COMPLIANCE,
                            new LegalHoldPlaced("eng-held", "hold-1", "HOLD-REASON", "compliance-cy", Instant.now())));
            harness.tellClient(
                    "client-cara",
                    new ClientDataErased(
                            "client-cara",
                            "erasure-1",
                            "ERASURE-REASON",
                            "compliance-cy",
                            Instant.now(),
                            List.of("eng-held"),
                            0,
                            0));

            assertThat(harness.contentsOf(view.tables()))
                    .as(view.name())
                    .doesNotContain("HOLD-REASON", "hold-1", "ERASURE-REASON", "erasure-1");
        }
    }
}
