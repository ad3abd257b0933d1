package coaching.ledger.command.erasure;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static coaching.ledger.command.EngagementFixtures.BOSS;
import static coaching.ledger.command.EngagementFixtures.CLIENT;
import static coaching.ledger.command.EngagementFixtures.COACH;
import static coaching.ledger.command.EngagementFixtures.ENGAGEMENT;
import static coaching.ledger.command.EngagementFixtures.HR;
import static coaching.ledger.command.EngagementFixtures.NOW;
import static coaching.ledger.command.EngagementFixtures.SEALER;
import static coaching.ledger.command.EngagementFixtures.activeEngagement;
import static coaching.ledger.command.EngagementFixtures.closed;
import static coaching.ledger.command.EngagementFixtures.sessionLogged;
import static coaching.ledger.command.EngagementFixtures.sessionLoggedInClear;
import static org.assertj.core.api.Assertions.assertThat;

/** What an erasure reads of one engagement's events. */
class EngagementHistoryTest {

    private static UpdateShared shared(String updateId, Audience audience, String recipientId, Instant at) {
        return new UpdateShared(
                ENGAGEMENT,
                updateId,
                audience,
                Scope.PROGRESS,
                "doing well",
                recipientId,
                COACH,
                at,
                "c-1",
                "purpose",
                "event-1",
                4);
    }

    @Test
    void anEngagementsClosureHoldsDisclosuresAndFieldsStoredInClearAreRead() {
        UpdateShared toBoss = shared("u-1", Audience.BOSS, BOSS, NOW);
        UpdateShared toHr = shared("u-2", Audience.HR, HR, NOW.plusSeconds(1));
        List<Object> events = new ArrayList<>(activeEngagement());
        events.addAll(List.of(
                sessionLogged("s-1", "sealed notes"),
                sessionLoggedInClear("s-2", "notes from before sealing"),
                toBoss.sealed(SEALER, CLIENT),
                toHr,
                new LegalHoldPlaced(ENGAGEMENT, "hold-1", "case 1", "compliance-cy", NOW),
                new LegalHoldPlaced(ENGAGEMENT, "hold-2", "case 2", "compliance-cy", NOW),
                new LegalHoldReleased(ENGAGEMENT, "hold-1", "compliance-cy", NOW),
                closed()));

        EngagementHistory history = EngagementHistory.of(ENGAGEMENT, CLIENT, events);

        assertThat(history.closed()).isTrue();
        assertThat(history.legalHolds()).isEqualTo(Set.of("hold-2"));
        assertThat(history.disclosures())
                .containsExactly(
                        new EngagementHistory.Disclosure(BOSS, Role.BOSS, new DisclosedUpdate(ENGAGEMENT, "u-1", NOW)),
                        new EngagementHistory.Disclosure(
                                HR, Role.HR, new DisclosedUpdate(ENGAGEMENT, "u-2", NOW.plusSeconds(1))));
        // the clear session notes and the clear update content; sealed fields are not counted
        assertThat(history.legacyPlaintextFields()).isEqualTo(2);
    }

    @Test
    void anEngagementStillRunningIsNotClosed() {
        EngagementHistory history = EngagementHistory.of(ENGAGEMENT, CLIENT, activeEngagement());

        assertThat(history.closed()).isFalse();
        assertThat(history.legalHolds()).isEmpty();
        assertThat(history.disclosures()).isEmpty();
        assertThat(history.legacyPlaintextFields()).isZero();
    }
}
