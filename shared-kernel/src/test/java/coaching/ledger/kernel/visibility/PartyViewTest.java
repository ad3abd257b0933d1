package coaching.ledger.kernel.visibility;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.SessionLogged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static coaching.ledger.kernel.visibility.PartyView.BOSS;
import static coaching.ledger.kernel.visibility.PartyView.CLIENT;
import static coaching.ledger.kernel.visibility.PartyView.COACH;
import static coaching.ledger.kernel.visibility.PartyView.HR;
import static org.assertj.core.api.Assertions.assertThat;

class PartyViewTest {

    private static UpdateShared sharedWith(Audience audience) {
        return new UpdateShared(
                "e", "u", audience, Scope.PROGRESS, "content", "r", "coach", Instant.EPOCH, "c", "purpose", "grant", 5);
    }

    /** Each event and the views that show it: the whole rule in one table. */
    @Test
    void eachViewShowsOnlyWhatItsReaderMaySee() {
        Map<Object, Set<PartyView>> table = new LinkedHashMap<>();
        table.put(
                new EngagementOpened("e", "client", "boss", "hr", Purpose.DEVELOPMENTAL, Urgency.LOW),
                Set.of(CLIENT, COACH, BOSS, HR));
        table.put(new CoachesShortlisted("e", List.of("coach")), Set.of(CLIENT, COACH, BOSS, HR));
        table.put(new CoachSelected("e", "coach"), Set.of(CLIENT, COACH, BOSS, HR));
        table.put(new BudgetApproved("e", 5, BigDecimal.TEN, "EUR"), Set.of(CLIENT, COACH, BOSS, HR));
        table.put(new SessionLogged("e", "s", "coach", LocalDate.EPOCH, 60, "notes"), Set.of(CLIENT, COACH));
        table.put(
                new UpdateConsentGranted("e", "c", "client", Audience.BOSS, Set.of(Scope.PROGRESS), null, "p", "n"),
                Set.of(CLIENT, COACH));
        table.put(new UpdateConsentRevoked("e", "c", "reason"), Set.of(CLIENT, COACH));
        table.put(
                new UpdateRequested("e", "r", Audience.BOSS, "boss", Scope.PROGRESS, "message"), Set.of(CLIENT, COACH));
        table.put(sharedWith(Audience.BOSS), Set.of(CLIENT, COACH, BOSS));
        table.put(sharedWith(Audience.HR), Set.of(CLIENT, COACH, HR));
        table.put(
                new DisclosureRefused("e", "u", Audience.BOSS, Scope.GOALS, "coach", RefusalReason.NO_CONSENT),
                Set.of(CLIENT));
        table.put(new SatisfactionRecorded("e", 4, "comment"), Set.of(CLIENT, HR));
        table.put(
                new EngagementClosed("e", Outcome.COMPLETED, "reason", "hr", List.of()),
                Set.of(CLIENT, COACH, BOSS, HR));
        table.put(new CoachRegistered("coach", "Cole", List.of(), 5, List.of()), Set.of());

        table.forEach((event, expected) -> {
            for (PartyView view : PartyView.values()) {
                assertThat(view.shows(event))
                        .as("%s shows %s", view, event.getClass().getSimpleName())
                        .isEqualTo(expected.contains(view));
            }
        });
    }

    @Test
    void onlyThePartiesToAnEngagementHaveAView() {
        assertThat(PartyView.of(Role.BOSS)).contains(BOSS);
        assertThat(PartyView.of(Role.COMPLIANCE)).isEmpty();
        assertThat(PartyView.of(Role.INTEGRATOR)).isEmpty();
        assertThat(PartyView.of(Role.ADMIN)).isEmpty();
    }
}
