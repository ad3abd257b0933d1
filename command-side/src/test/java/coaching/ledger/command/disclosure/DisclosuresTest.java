package coaching.ledger.command.disclosure;

import coaching.ledger.command.consent.Consents;
import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import org.junit.jupiter.api.Test;

import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.FINGERPRINTS;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.granted;
import static coaching.ledger.command.EngagementFixtures.purposeOf;
import static coaching.ledger.command.EngagementFixtures.revoked;
import static coaching.ledger.command.EngagementFixtures.share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sharing and requesting updates decided as plain functions of the disclosures' and the consents'
 * state: no aggregate, no Axon. What a decision records is fed back through the state's event
 * handlers, as the engagement does, so a retry meets the fingerprint of the very event recorded.
 */
class DisclosuresTest {

    private static final Actor AS_COACH = new Actor(COACH, Role.COACH);
    private static final Actor AS_CLIENT = new Actor(CLIENT, Role.CLIENT);
    private static final ShareUpdate PROGRESS = share("u-1", Audience.BOSS, Scope.PROGRESS, "steady progress");

    private final Disclosures disclosures = new Disclosures();
    private final Consents consents = new Consents();

    private Decision decide(ShareUpdate command, Actor sharer, Status status) {
        return disclosures.share(command, sharer, status, consents, NOW, BOSS, FINGERPRINTS, SEALER, CLIENT);
    }

    /** Records what was decided, as the engagement's event-sourcing handler would, at this version. */
    private void record(Decision decision, long version) {
        Object event = ((Decision.Apply) decision).event();
        if (event instanceof UpdateShared shared) {
            disclosures.on(shared, version, FINGERPRINTS);
        } else {
            disclosures.on((DisclosureRefused) event, version, FINGERPRINTS);
        }
    }

    @Test
    void anUpdateIsSharedUnderTheConsentInForceAndCitesItsGrant() {
        consents.on(granted("c-1", Audience.BOSS, null, Scope.PROGRESS), "grant-of-c-1", 4, 4, FINGERPRINTS);

        assertThat(decide(PROGRESS, AS_COACH, Status.ACTIVE))
                .isEqualTo(Decision.record(
                        new UpdateShared(
                                        ENGAGEMENT,
                                        "u-1",
                                        Audience.BOSS,
                                        Scope.PROGRESS,
                                        "steady progress",
                                        BOSS,
                                        COACH,
                                        NOW,
                                        "c-1",
                                        purposeOf("c-1"),
                                        "grant-of-c-1",
                                        4)
                                .sealed(SEALER, CLIENT),
                        "u-1"));
    }

    @Test
    void withoutConsentOrAfterTheClosureTheAttemptIsRecordedAsRefusedWithoutContent() {
        assertThat(decide(PROGRESS, AS_COACH, Status.ACTIVE))
                .isEqualTo(Decision.refuse(
                        new DisclosureRefused(
                                ENGAGEMENT, "u-1", Audience.BOSS, Scope.PROGRESS, COACH, RefusalReason.NO_CONSENT),
                        "u-1",
                        "NO_CONSENT"));
        assertThat(decide(PROGRESS, AS_COACH, Status.CLOSED))
                .isEqualTo(Decision.refuse(
                        new DisclosureRefused(
                                ENGAGEMENT,
                                "u-1",
                                Audience.BOSS,
                                Scope.PROGRESS,
                                COACH,
                                RefusalReason.ENGAGEMENT_CLOSED),
                        "u-1",
                        "ENGAGEMENT_CLOSED"));
        assertThatThrownBy(() -> decide(PROGRESS, AS_CLIENT, Status.SHORTLISTED))
                .hasMessage("updates are shared only while the engagement is ACTIVE; it is SHORTLISTED");
    }

    @Test
    void aSharedUpdateRetriedAfterItsConsentWasRevokedIsStillARepeat() {
        consents.on(granted("c-1", Audience.BOSS, null, Scope.PROGRESS), "grant-of-c-1", 4, 4, FINGERPRINTS);
        record(decide(PROGRESS, AS_COACH, Status.ACTIVE), 5);
        consents.on(revoked("c-1"), 6);

        assertThat(decide(PROGRESS, AS_COACH, Status.ACTIVE)).isEqualTo(Decision.repeat(Receipt.repeated("u-1", 5)));
        assertThatThrownBy(() -> decide(share("u-1", Audience.BOSS, Scope.PROGRESS, "edited"), AS_COACH, Status.ACTIVE))
                .hasMessage("update u-1 is already used" + USED_ONCE);
        assertThatThrownBy(() -> decide(PROGRESS, AS_CLIENT, Status.ACTIVE))
                .hasMessage("update u-1 is already used" + USED_ONCE);
    }

    @Test
    void aRefusedUpdateRetriedAfterAConsentWasGrantedStaysRefused() {
        record(decide(PROGRESS, AS_COACH, Status.ACTIVE), 4);
        consents.on(granted("c-1", Audience.BOSS, null, Scope.PROGRESS), "grant-of-c-1", 5, 5, FINGERPRINTS);

        assertThat(decide(PROGRESS, AS_COACH, Status.ACTIVE))
                .isEqualTo(Decision.repeat(Receipt.refused("u-1", 4, true, "NO_CONSENT")));
        assertThatThrownBy(() ->
                        decide(share("u-1", Audience.HR, Scope.PROGRESS, "steady progress"), AS_COACH, Status.ACTIVE))
                .hasMessage("update u-1 is already used" + USED_ONCE);
    }

    @Test
    void theBossRequestsAnUpdateForHimselfOnceWhileTheEngagementIsOpen() {
        RequestUpdate request = new RequestUpdate(ENGAGEMENT, "r-1", Scope.PROGRESS, "how is it going?");
        Actor boss = new Actor(BOSS, Role.BOSS);
        UpdateRequested requested = new UpdateRequested(
                        ENGAGEMENT, "r-1", Audience.BOSS, BOSS, Scope.PROGRESS, "how is it going?")
                .sealed(SEALER, CLIENT);

        assertThatThrownBy(() -> disclosures.request(request, boss, Status.CLOSED, FINGERPRINTS, SEALER, CLIENT))
                .hasMessage("engagement " + ENGAGEMENT + " is closed");
        assertThat(disclosures.request(request, boss, Status.OPENED, FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.record(requested, "r-1"));

        disclosures.on(requested, 1, FINGERPRINTS);

        assertThat(disclosures.request(request, boss, Status.CLOSED, FINGERPRINTS, SEALER, CLIENT))
                .isEqualTo(Decision.repeat(Receipt.repeated("r-1", 1)));
        assertThatThrownBy(() -> disclosures.request(
                        new RequestUpdate(ENGAGEMENT, "r-1", Scope.GOALS, "goals?"),
                        boss,
                        Status.OPENED,
                        FINGERPRINTS,
                        SEALER,
                        CLIENT))
                .hasMessage("update request r-1 is already made" + USED_ONCE);
    }
}
