package coaching.ledger.query.hr;

import coaching.ledger.kernel.coaches.Certification;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.engagement.Budget;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Json;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.ViewVersion;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HrProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final HrView view = new HrView(harness.jdbc(), Json.mapper(), harness.texts());

    HrProjectionTest() {
        HrEngagementFeed feed = new HrEngagementFeed(view, 3, 4096, Duration.ofSeconds(15));
        harness.project(writes -> new HrProjection(writes, Json.mapper(), feed));
    }

    @Test
    void declaresNoHandlerForSessionsConsentsRequestsOrRefusals() {
        assertThat(harness.handles(SessionLogged.class)).isFalse();
        assertThat(harness.handles(UpdateConsentGranted.class)).isFalse();
        assertThat(harness.handles(UpdateConsentRevoked.class)).isFalse();
        assertThat(harness.handles(UpdateRequested.class)).isFalse();
        assertThat(harness.handles(DisclosureRefused.class)).isFalse();
        assertThat(harness.handles(UpdateShared.class)).isTrue();
    }

    @Test
    void showsLifecycleScoreAndTheUpdateSharedWithHr() {
        EngagementStory story = EngagementStory.of("eng-hr");
        harness.tell(story);

        HrEngagement engagement = shownToHana("eng-hr");
        assertThat(engagement.status()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(engagement.clientId()).isEqualTo("client-cara");
        assertThat(engagement.bossId()).isEqualTo("boss-ben");
        assertThat(engagement.hrId()).isEqualTo("hr-hana");
        assertThat(engagement.purpose()).isEqualTo(Purpose.REMEDIAL);
        assertThat(engagement.shortlist()).containsExactly("coach-cole", "coach-chen");
        assertThat(engagement.selectedCoachId()).isEqualTo("coach-cole");
        assertThat(engagement.budget()).isEqualTo(new Budget(10, new BigDecimal("6000.00"), "EUR"));
        assertThat(engagement.openedAt()).isNotNull();
        assertThat(engagement.satisfactionScore()).isEqualTo(EngagementStory.SCORE);
        assertThat(engagement.version()).isEqualTo(story.versionIn(ViewVersion.of(PartyView.HR)));
        assertThat(engagement.updates()).singleElement().satisfies(update -> {
            assertThat(update.updateId()).isEqualTo("update-hr");
            assertThat(update.scope()).isEqualTo(Scope.ATTENDANCE);
            assertThat(update.content()).contains(story.secrets().hrContent());
            assertThat(update.recipientId()).isEqualTo("hr-hana");
            assertThat(update.consentId()).isEqualTo(EngagementStory.HR_CONSENT);
        });
    }

    @Test
    void keepsNoSessionNotesNoBossUpdateAndNoComment() {
        EngagementStory story = EngagementStory.of("eng-hr-leak");
        harness.tell(story);

        String stored = harness.contentsOf(HrProjection.TABLES);
        String shown = Json.of(everyEngagementShownTo("hr-hana"));
        for (String text : List.of(stored, shown)) {
            assertThat(text)
                    .contains(story.secrets().hrContent())
                    .doesNotContain(story.secrets().sessionNotes())
                    .doesNotContain(story.secrets().bossContent())
                    .doesNotContain(story.secrets().satisfactionComment());
        }
    }

    @Test
    void anUpdateForHrReachesOnlyTheHrPersonItWasSharedWith() {
        harness.tell(EngagementStory.of("eng-hr-recipient"));

        assertThat(shownToHana("eng-hr-recipient").updates()).hasSize(1);
        assertThat(view.visibleTo("hr-harry", List.of("eng-hr-recipient")))
                .singleElement()
                .satisfies(engagement -> assertThat(engagement.updates()).isEmpty());
        assertThat(everyEngagementShownTo("hr-harry"))
                .singleElement()
                .satisfies(engagement -> assertThat(engagement.updates()).isEmpty());
    }

    @Test
    void closingEndsTheEngagementAndItsWorkload() {
        EngagementStory story = EngagementStory.of("eng-hr-closed");
        harness.tell(story);
        harness.tell(story.engagementId(), story.closure());

        HrEngagement engagement = shownToHana("eng-hr-closed");
        assertThat(engagement.status()).isEqualTo(EngagementStatus.CLOSED);
        assertThat(engagement.closedAt()).isNotNull();
        assertThat(engagement.outcome()).hasToString("COMPLETED");
        assertThat(engagement.version()).isEqualTo(story.then(story.closure()).versionIn(ViewVersion.of(PartyView.HR)));
    }

    @Test
    void rosterAveragesTheLatestScoresOnlyFromThreeEngagementsOn() {
        harness.tellCoach(new CoachRegistered(
                "coach-cole",
                "Cole",
                List.of(new Certification("ICF", "PCC", LocalDate.of(2028, 1, 31))),
                12,
                List.of("leadership, change")));
        harness.tell(EngagementStory.of("eng-1", Purpose.REMEDIAL, 5));
        harness.tell(EngagementStory.of("eng-2", Purpose.REMEDIAL, 2));
        assertThat(view.coaches()).singleElement().satisfies(coach -> {
            assertThat(coach.activeEngagements()).isEqualTo(2);
            assertThat(coach.averageSatisfaction()).isNull();
        });

        harness.tell(EngagementStory.of("eng-3", Purpose.REMEDIAL, 3));
        harness.tell("eng-2", EngagementStory.rating("eng-2", 4));
        assertThat(view.coaches()).singleElement().satisfies(coach -> {
            assertThat(coach.displayName()).isEqualTo("Cole");
            assertThat(coach.certifications())
                    .containsExactly(new Certification("ICF", "PCC", LocalDate.of(2028, 1, 31)));
            assertThat(coach.yearsExperience()).isEqualTo(12);
            assertThat(coach.specialties()).containsExactly("leadership, change");
            assertThat(coach.activeEngagements()).isEqualTo(3);
            assertThat(coach.averageSatisfaction()).isEqualByComparingTo("4.00");
        });
    }

    @Test
    void handlingEveryEventTwiceChangesNothing() {
        harness.tellCoach(new CoachRegistered("coach-cole", "Cole", List.of(), 3, List.of()));
        EngagementStory story = EngagementStory.of("eng-hr-twice");
        harness.tell(story);
        harness.tell(story.engagementId(), story.closure());
        String once = harness.contentsOf(HrProjection.TABLES);

        harness.redeliverAll();

        assertThat(harness.contentsOf(HrProjection.TABLES)).isEqualTo(once);
    }

    @Test
    void theDashboardCountsTheLatestScorePerEngagement() {
        for (int i = 0; i < 5; i++) {
            harness.tell(EngagementStory.of("eng-d" + i, Purpose.DEVELOPMENTAL, 3));
        }
        assertThat(view.dashboard().satisfaction().get("3")).isEqualTo(new HrDashboard.Cell(5, false));
        assertThat(view.dashboard().byPurpose().get("DEVELOPMENTAL")).isEqualTo(new HrDashboard.Cell(5, false));
        assertThat(view.dashboard().byStatus().get("ACTIVE")).isEqualTo(new HrDashboard.Cell(5, false));

        harness.tell("eng-d0", EngagementStory.rating("eng-d0", 5));

        assertThat(view.dashboard().satisfaction().get("3")).isEqualTo(new HrDashboard.Cell(null, true));
        assertThat(view.dashboard().satisfaction().get("5")).isEqualTo(new HrDashboard.Cell(null, true));
    }

    @Test
    void theListPagesFiltersAndSortsAndCountsEveryMatch() {
        List.of("eng-p1", "eng-p2", "eng-p3").forEach(id -> harness.tell(EngagementStory.of(id)));
        EngagementStory closed = EngagementStory.of("eng-p4");
        harness.tell(closed.then(closed.closure()));
        openOnly("eng-p0");

        HrEngagementPage first = view.engagementsVisibleTo("hr-hana", query(0, 2, null, "engagementId", null));
        assertThat(idsOf(first)).containsExactly("eng-p0", "eng-p1");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.nextPage()).hasValue(1);
        assertThat(first.previousPage()).isEmpty();
        HrEngagementPage last = view.engagementsVisibleTo("hr-hana", query(2, 2, null, "engagementId", null));
        assertThat(idsOf(last)).containsExactly("eng-p4");
        assertThat(last.nextPage()).isEmpty();
        assertThat(last.previousPage()).hasValue(1);

        HrEngagementPage active =
                view.engagementsVisibleTo("hr-hana", query(null, null, List.of("ACTIVE"), null, null));
        assertThat(idsOf(active)).containsExactlyInAnyOrder("eng-p1", "eng-p2", "eng-p3");
        assertThat(active.total()).isEqualTo(3);
        assertThat(idsOf(view.engagementsVisibleTo(
                        "hr-hana", query(null, null, List.of("OPENED", "CLOSED"), "-engagementId", null))))
                .containsExactly("eng-p4", "eng-p0");
        List<String> byStatus = idsOf(view.engagementsVisibleTo("hr-hana", query(null, null, null, "status", null)));
        assertThat(byStatus).startsWith("eng-p0").endsWith("eng-p4");
        assertThat(everyEngagementShownTo("hr-hana"))
                .isSortedAccordingTo(
                        Comparator.comparing(HrEngagement::openedAt).thenComparing(HrEngagement::engagementId));
    }

    /** '_' is a wildcard of LIKE: as a prefix it must match itself only. */
    @Test
    void theIdPrefixMatchesLiterally() {
        openOnly("eng-x_1");
        openOnly("eng-xA1");
        openOnly("eng-y");

        assertThat(idsOf(view.engagementsVisibleTo("hr-hana", query(null, null, null, null, "eng-x_"))))
                .containsExactly("eng-x_1");
        assertThat(view.engagementsVisibleTo("hr-hana", query(null, null, null, null, "eng-x"))
                        .total())
                .isEqualTo(2);
    }

    /** Every HR user lists every engagement and counts the same, but reads only the updates shared with them. */
    @Test
    void anotherHrUserPagesTheSameEngagementsWithoutHanasUpdates() {
        List.of("eng-v1", "eng-v2", "eng-v3").forEach(id -> harness.tell(EngagementStory.of(id)));
        HrEngagementQuery firstTwo = query(0, 2, List.of("ACTIVE"), "engagementId", null);

        HrEngagementPage hana = view.engagementsVisibleTo("hr-hana", firstTwo);
        HrEngagementPage harry = view.engagementsVisibleTo("hr-harry", firstTwo);

        assertThat(idsOf(hana)).containsExactly("eng-v1", "eng-v2").isEqualTo(idsOf(harry));
        assertThat(harry.total()).isEqualTo(hana.total()).isEqualTo(3);
        assertThat(hana.engagements())
                .allSatisfy(row -> assertThat(row.updates()).hasSize(1));
        assertThat(harry.engagements())
                .allSatisfy(row -> assertThat(row.updates()).isEmpty());
        assertThat(Json.of(harry.engagements())).doesNotContain("FOR-HR-");
    }

    private void openOnly(String engagementId) {
        harness.tell(engagementId, EngagementStory.of(engagementId).steps().get(0));
    }

    private static HrEngagementQuery query(
            Integer page, Integer size, List<String> statuses, String sort, String engagementIdPrefix) {
        return HrEngagementQuery.of(page, size, statuses, sort, engagementIdPrefix);
    }

    private static List<String> idsOf(HrEngagementPage page) {
        return page.engagements().stream().map(HrEngagement::engagementId).toList();
    }

    private List<HrEngagement> everyEngagementShownTo(String hrUserId) {
        return view.engagementsVisibleTo(hrUserId, HrEngagementQuery.FIRST_PAGE).engagements();
    }

    private HrEngagement shownToHana(String engagementId) {
        List<HrEngagement> shown = view.visibleTo(EngagementStory.HR.id(), List.of(engagementId));
        assertThat(shown).hasSize(1);
        return shown.get(0);
    }

    /** Issue 14: the HR person an update was shared with reads it; the view keeps it sealed and nothing else of the story. */
    @Test
    void theHrRecipientReadsTheSealedUpdateWhichTheViewKeepsSealed() {
        EngagementStory plain = EngagementStory.of("eng-hr-sealed").revokedAndClosed();
        harness.tell(plain.sealedBy(harness.sealer()));

        assertThat(single("hr-hana", plain.engagementId()).updates())
                .extracting(HrUpdate::content)
                .containsExactly("Attendance: " + plain.secrets().hrContent());
        assertThat(single("hr-hugo", plain.engagementId()).updates()).isEmpty();
        assertThat(harness.contentsOf(HrProjection.TABLES)).doesNotContain(plain.confidentialTexts());
        assertThat(harness.jdbc()
                        .sql("SELECT content FROM hr_update")
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(stored -> assertThat(Sealer.isEnvelope(stored)).isTrue());
    }

    private HrEngagement single(String hrUserId, String engagementId) {
        return view.visibleTo(hrUserId, List.of(engagementId)).get(0);
    }

    /** Issue 14: after the client's erasure the HR recipient's update reads as null, named under erased. */
    @Test
    void anErasedClientsUpdateIsNamedAsErased() {
        EngagementStory plain = EngagementStory.of("eng-hr-erased");
        harness.tell(plain.sealedBy(harness.sealer()));

        harness.eraseKeyOf(EngagementStory.CLIENT.id());

        assertThat(everyEngagementShownTo("hr-hana")).singleElement().satisfies(engagement -> {
            assertThat(engagement.erased()).containsExactly("updates[update-hr].content");
            assertThat(engagement.updates()).extracting(HrUpdate::content).containsOnlyNulls();
        });
        assertThat(everyEngagementShownTo("hr-harry"))
                .singleElement()
                .satisfies(engagement -> assertThat(engagement.erased()).isEmpty());
    }
}
