package coaching.ledger.query.compliance;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.erasure.ErasureRecipientNotified;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Issue 14: compliance's record of erasures (Art. 17), their recipients (Art. 19) and legal holds. */
class ComplianceErasuresTest {

    private static final Instant ERASED_AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant SHARED_AT = Instant.parse("2026-11-20T10:00:00Z");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final ComplianceView view = new ComplianceView(harness.jdbc());

    ComplianceErasuresTest() {
        harness.project(ComplianceProjection::new);
    }

    @Test
    void anErasureListsItsRecipientsAndWhetherEachWasNotified() {
        erase("client-cara", "erasure-1", "eng-1", "eng-2");
        harness.tellClient(
                "client-cara",
                new ErasureRecipientNotified(
                        "client-cara", "erasure-1", "boss-ben", "compliance-cy", ERASED_AT.plus(1, ChronoUnit.DAYS)));

        assertThat(view.erasures(null)).containsExactly(expected("client-cara", "erasure-1", true));
        assertThat(view.erasures("client-cara")).hasSize(1);
        assertThat(view.erasures("client-carl")).isEmpty();
        assertThat(harness.jdbc()
                        .sql("SELECT engagement_id FROM erased_engagement WHERE erasure_id = 'erasure-1'"
                                + " ORDER BY engagement_id")
                        .query(String.class)
                        .list())
                .containsExactly("eng-1", "eng-2");
    }

    @Test
    void handlingEveryEventTwiceChangesNothingAndKeepsANotificationMade() {
        erase("client-cara", "erasure-twice", "eng-1");
        harness.tellClient(
                "client-cara",
                new ErasureRecipientNotified("client-cara", "erasure-twice", "hr-hana", "compliance-cy", ERASED_AT));
        List<String> once = harness.rowsOf(ComplianceProjection.TABLES);

        harness.redeliverAll();

        assertThat(harness.rowsOf(ComplianceProjection.TABLES)).isEqualTo(once);
        assertThat(view.erasures(null).get(0).recipients())
                .extracting(ComplianceErasure.Recipient::recipientId, ComplianceErasure.Recipient::notified)
                .containsExactly(tuple("boss-ben", false), tuple("hr-hana", true));
    }

    @Test
    void legalHoldsShowInTheEngagementsLedgerPlacedAndReleased() {
        EngagementStory story = EngagementStory.of("eng-held");
        harness.tell(story);
        Step placed = Step.of(
                EngagementStory.COMPLIANCE,
                new LegalHoldPlaced("eng-held", "hold-1", "case 2026-114", "compliance-cy", ERASED_AT));
        Step released = Step.of(
                EngagementStory.COMPLIANCE,
                new LegalHoldReleased("eng-held", "hold-1", "compliance-cy", ERASED_AT.plusSeconds(60)));
        harness.tell("eng-held", placed);
        harness.tell("eng-held", released);

        ComplianceEngagement ledger =
                view.engagements(EngagementFilter.one("eng-held")).get(0);
        assertThat(ledger.legalHolds())
                .containsExactly(new ComplianceEngagement.LegalHold(
                        "hold-1", "case 2026-114", "compliance-cy", ERASED_AT, ERASED_AT.plusSeconds(60)));
        assertThat(ledger.version())
                .isEqualTo(
                        story.then(placed, released).versionIn(ViewVersion.lastHandledBy(ComplianceProjection.class)));
    }

    /** The erasure of {@code clientId} with two recipients, as the command side records it. */
    private void erase(String clientId, String erasureId, String... engagementIds) {
        harness.tellClient(
                clientId,
                new ClientDataErased(
                        clientId, erasureId, "ticket DPO-7", "compliance-cy", ERASED_AT, List.of(engagementIds), 2, 3));
        harness.tellClient(
                clientId,
                new ErasureNotificationDue(
                        clientId,
                        erasureId,
                        "boss-ben",
                        Role.BOSS,
                        List.of(new DisclosedUpdate(engagementIds[0], "update-boss", SHARED_AT))));
        harness.tellClient(
                clientId,
                new ErasureNotificationDue(
                        clientId,
                        erasureId,
                        "hr-hana",
                        Role.HR,
                        List.of(
                                new DisclosedUpdate(engagementIds[0], "update-hr", SHARED_AT),
                                new DisclosedUpdate(engagementIds[0], "update-hr-2", SHARED_AT.plusSeconds(1)))));
    }

    private static ComplianceErasure expected(String clientId, String erasureId, boolean bossNotified) {
        return new ComplianceErasure(
                clientId,
                erasureId,
                "ticket DPO-7",
                "compliance-cy",
                ERASED_AT,
                List.of("eng-1", "eng-2"),
                3,
                List.of(
                        new ComplianceErasure.Recipient(
                                "boss-ben",
                                Role.BOSS,
                                List.of(new DisclosedUpdate("eng-1", "update-boss", SHARED_AT)),
                                bossNotified,
                                bossNotified ? ERASED_AT.plus(1, ChronoUnit.DAYS) : null,
                                bossNotified ? "compliance-cy" : null),
                        new ComplianceErasure.Recipient(
                                "hr-hana",
                                Role.HR,
                                List.of(
                                        new DisclosedUpdate("eng-1", "update-hr", SHARED_AT),
                                        new DisclosedUpdate("eng-1", "update-hr-2", SHARED_AT.plusSeconds(1))),
                                false,
                                null,
                                null)));
    }
}
