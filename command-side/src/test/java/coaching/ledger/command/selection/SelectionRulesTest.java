package coaching.ledger.command.selection;

import coaching.ledger.command.coaches.CoachRegistry;
import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.selection.ApproveBudget;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.SelectCoach;
import coaching.ledger.kernel.selection.ShortlistCoaches;
import coaching.ledger.kernel.selection.Urgency;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.FINGERPRINTS;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.OTHER_HR;
import static coaching.ledger.command.EngagementFixtures.REGISTERED_COACHES;
import static coaching.ledger.command.EngagementFixtures.RUNNER_UP;
import static coaching.ledger.command.EngagementFixtures.UNREGISTERED;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.budget;
import static coaching.ledger.command.EngagementFixtures.opened;
import static coaching.ledger.command.EngagementFixtures.selected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The selection's decisions as plain functions of its state: no aggregate, no Axon. */
class SelectionRulesTest {

    private static final Actor AS_HR = new Actor(HR, Role.HR);
    private static final CoachRegistry REGISTRY = REGISTERED_COACHES::contains;
    private static final OpenEngagement OPEN =
            new OpenEngagement(ENGAGEMENT, CLIENT, BOSS, Purpose.DEVELOPMENTAL, Urgency.NORMAL);
    private static final ShortlistCoaches SHORTLIST = new ShortlistCoaches(ENGAGEMENT, List.of(COACH, RUNNER_UP));

    private final Selection selection = new Selection();

    @Test
    void openingRecordsTheHrPersonWhoOpened() {
        assertThat(selection.open(OPEN, AS_HR, FINGERPRINTS)).isEqualTo(Decision.record(opened(), ENGAGEMENT));
    }

    @Test
    void theSameOpeningByTheSameHrPersonIsARepeatByAnotherAConflict() {
        selection.on(opened(), 0, FINGERPRINTS);

        assertThat(selection.open(OPEN, AS_HR, FINGERPRINTS))
                .isEqualTo(Decision.repeat(Receipt.repeated(ENGAGEMENT, 0)));
        assertThatThrownBy(() -> selection.open(OPEN, new Actor(OTHER_HR, Role.HR), FINGERPRINTS))
                .isInstanceOf(Rejection.class)
                .hasMessage("engagement " + ENGAGEMENT + " already exists" + USED_ONCE);
    }

    @Test
    void theClientIsNotTheirOwnBoss() {
        OpenEngagement ownBoss = new OpenEngagement(ENGAGEMENT, CLIENT, CLIENT, Purpose.DEVELOPMENTAL, Urgency.NORMAL);
        assertThatThrownBy(() -> selection.open(ownBoss, AS_HR, FINGERPRINTS))
                .isInstanceOfSatisfying(
                        Rejection.class,
                        rejection -> assertThat(rejection.field()).isEqualTo("bossId"));
    }

    @Test
    void aShortlistNamesRegisteredCoachesOnceAndIsRepeatedByItsHrPersonOnly() {
        selection.on(opened(), 0, FINGERPRINTS);
        assertThatThrownBy(() -> selection.shortlist(
                        new ShortlistCoaches(ENGAGEMENT, List.of(COACH, UNREGISTERED)),
                        AS_HR,
                        Status.OPENED,
                        REGISTRY,
                        FINGERPRINTS))
                .isInstanceOfSatisfying(
                        Rejection.class,
                        rejection -> assertThat(rejection.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
        CoachesShortlisted shortlisted = new CoachesShortlisted(ENGAGEMENT, List.of(COACH, RUNNER_UP));
        assertThat(selection.shortlist(SHORTLIST, AS_HR, Status.OPENED, REGISTRY, FINGERPRINTS))
                .isEqualTo(Decision.record(shortlisted, ENGAGEMENT));

        selection.on(shortlisted, HR, 1, FINGERPRINTS);

        assertThat(selection.shortlist(SHORTLIST, AS_HR, Status.SHORTLISTED, REGISTRY, FINGERPRINTS))
                .isEqualTo(Decision.repeat(Receipt.repeated(ENGAGEMENT, 1)));
        assertThatThrownBy(() -> selection.shortlist(
                        SHORTLIST, new Actor(OTHER_HR, Role.HR), Status.SHORTLISTED, REGISTRY, FINGERPRINTS))
                .hasMessage("the engagement is already shortlisted" + USED_ONCE);
    }

    @Test
    void theEngagementIsActiveOnceACoachIsSelectedAndTheBudgetApproved() {
        selection.on(opened(), 0, FINGERPRINTS);
        assertThat(selection.status()).isEqualTo(Status.OPENED);
        selection.on(new CoachesShortlisted(ENGAGEMENT, List.of(COACH, RUNNER_UP)), HR, 1, FINGERPRINTS);
        assertThat(selection.status()).isEqualTo(Status.SHORTLISTED);

        assertThatThrownBy(() -> selection.select(new SelectCoach(ENGAGEMENT, UNREGISTERED), Status.SHORTLISTED))
                .hasMessage("coach " + UNREGISTERED + " is not on the shortlist");
        selection.on(selected(), 2);
        selection.on(budget(), 1);

        assertThat(selection.status()).isEqualTo(Status.ACTIVE);
        assertThat(selection.select(new SelectCoach(ENGAGEMENT, COACH), Status.ACTIVE))
                .isEqualTo(Decision.repeat(Receipt.repeated(ENGAGEMENT, 2)));
        assertThat(selection.approve(new ApproveBudget(ENGAGEMENT, 10, new BigDecimal("3000"), "EUR"), Status.ACTIVE))
                .isEqualTo(Decision.repeat(Receipt.repeated(ENGAGEMENT, 1)));
    }

    @Test
    void nothingIsSelectedOrApprovedOnceTheEngagementIsClosed() {
        selection.on(opened(), 0, FINGERPRINTS);
        selection.on(new CoachesShortlisted(ENGAGEMENT, List.of(COACH, RUNNER_UP)), HR, 1, FINGERPRINTS);

        assertThatThrownBy(() -> selection.select(new SelectCoach(ENGAGEMENT, COACH), Status.CLOSED))
                .hasMessage("engagement " + ENGAGEMENT + " is closed");
        assertThatThrownBy(() ->
                        selection.approve(new ApproveBudget(ENGAGEMENT, 10, BigDecimal.TEN, "EUR"), Status.CLOSED))
                .hasMessage("engagement " + ENGAGEMENT + " is closed");
    }
}
