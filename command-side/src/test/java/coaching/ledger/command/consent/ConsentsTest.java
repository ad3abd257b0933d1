package coaching.ledger.command.consent;

import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RefusalReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.FINGERPRINTS;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.USED_ONCE;
import static coaching.ledger.command.EngagementFixtures.grant;
import static coaching.ledger.command.EngagementFixtures.granted;
import static coaching.ledger.command.EngagementFixtures.revoked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consent policy and its decisions as plain functions of its state: no aggregate, no Axon. */
class ConsentsTest {

    private static final Actor AS_CLIENT = new Actor(CLIENT, Role.CLIENT);
    private static final Instant LATER = NOW.plus(Duration.ofDays(1));

    private final Consents consents = new Consents();

    @Test
    void theClientGrantsAConsentEndingAfterNow() {
        assertThat(consents.grant(
                        grant("c-1", Audience.BOSS, LATER, Scope.PROGRESS),
                        AS_CLIENT,
                        Status.OPENED,
                        NOW,
                        FINGERPRINTS))
                .isEqualTo(Decision.record(granted("c-1", Audience.BOSS, LATER, Scope.PROGRESS), "c-1"));
        assertThatThrownBy(() -> consents.grant(
                        grant("c-1", Audience.BOSS, NOW, Scope.PROGRESS), AS_CLIENT, Status.OPENED, NOW, FINGERPRINTS))
                .hasMessageContaining("must be in the future");
        assertThatThrownBy(() -> consents.grant(
                        grant("c-1", Audience.BOSS, null, Scope.PROGRESS), AS_CLIENT, Status.CLOSED, NOW, FINGERPRINTS))
                .hasMessage("engagement " + ENGAGEMENT + " is closed");
    }

    @Test
    void aGrantRetriedIsARepeatWithItsVersionOtherScopesAConflict() {
        consents.on(granted("c-1", Audience.BOSS, null, Scope.PROGRESS), "grant-event", 4, 4, FINGERPRINTS);

        assertThat(consents.grant(
                        grant("c-1", Audience.BOSS, null, Scope.PROGRESS), AS_CLIENT, Status.CLOSED, NOW, FINGERPRINTS))
                .isEqualTo(Decision.repeat(Receipt.repeated("c-1", 4)));
        assertThatThrownBy(() -> consents.grant(
                        grant("c-1", Audience.BOSS, null, Scope.GOALS), AS_CLIENT, Status.ACTIVE, NOW, FINGERPRINTS))
                .hasMessage("consent c-1 is already granted" + USED_ONCE);
    }

    @Test
    void aRevocationIsRecordedOnceAndNotAfterTheClosureEndedTheConsent() {
        consents.on(granted("c-1", Audience.BOSS, null, Scope.PROGRESS), "grant-event", 4, 4, FINGERPRINTS);
        RevokeUpdateConsent revoke = new RevokeUpdateConsent(ENGAGEMENT, "c-1", "changed my mind");

        assertThatThrownBy(() -> consents.revoke(revoke, Status.CLOSED, SEALER, CLIENT))
                .hasMessage("consent c-1 already ended with the engagement");
        assertThat(consents.revoke(revoke, Status.ACTIVE, SEALER, CLIENT))
                .isEqualTo(Decision.record(revoked("c-1"), "c-1"));
        assertThatThrownBy(() -> consents.revoke(
                        new RevokeUpdateConsent(ENGAGEMENT, "c-9", null), Status.ACTIVE, SEALER, CLIENT))
                .isInstanceOfSatisfying(
                        Rejection.class,
                        rejection -> assertThat(rejection.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));

        consents.on(revoked("c-1"), 5);

        assertThat(consents.revoke(revoke, Status.CLOSED, SEALER, CLIENT))
                .isEqualTo(Decision.repeat(Receipt.repeated("c-1", 5)));
    }

    @Test
    void anUpdateReliesOnTheLatestCoveringConsentInForceOrIsRefusedWithTheReason() {
        assertThat(consents.authorize(Audience.BOSS, Scope.PROGRESS, NOW).refusal())
                .isEqualTo(RefusalReason.NO_CONSENT);
        consents.on(granted("c-old", Audience.BOSS, null, Scope.PROGRESS), "e-old", 4, 4, FINGERPRINTS);
        consents.on(granted("c-new", Audience.BOSS, LATER, Scope.PROGRESS), "e-new", 5, 5, FINGERPRINTS);
        consents.on(granted("c-hr", Audience.HR, LATER, Scope.OUTCOME), "e-hr", 6, 6, FINGERPRINTS);

        assertThat(consents.authorize(Audience.BOSS, Scope.PROGRESS, NOW)
                        .consent()
                        .consentId())
                .isEqualTo("c-new");
        assertThat(consents.authorize(Audience.BOSS, Scope.PROGRESS, LATER)
                        .consent()
                        .consentId())
                .isEqualTo("c-old");
        assertThat(consents.authorize(Audience.BOSS, Scope.GOALS, NOW).refusal())
                .isEqualTo(RefusalReason.SCOPE_NOT_COVERED);
        assertThat(consents.authorize(Audience.HR, Scope.OUTCOME, LATER).refusal())
                .isEqualTo(RefusalReason.CONSENT_EXPIRED);
        consents.on(revoked("c-old"), 7);
        assertThat(consents.authorize(Audience.BOSS, Scope.PROGRESS, NOW)
                        .consent()
                        .consentId())
                .isEqualTo("c-new");
        assertThat(consents.inForceAt(LATER)).isEmpty();
        assertThat(consents.inForceAt(NOW)).isEqualTo(List.of("c-new", "c-hr"));
    }
}
