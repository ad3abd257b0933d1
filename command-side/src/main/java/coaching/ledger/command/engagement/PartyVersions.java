package coaching.ledger.command.engagement;

import coaching.ledger.kernel.visibility.PartyView;

/**
 * Each party's version of one engagement: how many of its events that party's view shows, minus one
 * ({@link PartyView}). A receipt answers its actor's version, so it tells the actor nothing the
 * actor's own view would not show (a boss's receipt does not move when a session is logged).
 */
final class PartyVersions {

    private long client = -1;
    private long coach = -1;
    private long boss = -1;
    private long hr = -1;

    /** Counts an event into every view that shows it; called for every event the engagement applies. */
    void count(Object event) {
        client += PartyView.CLIENT.shows(event) ? 1 : 0;
        coach += PartyView.COACH.shows(event) ? 1 : 0;
        boss += PartyView.BOSS.shows(event) ? 1 : 0;
        hr += PartyView.HR.shows(event) ? 1 : 0;
    }

    long of(PartyView view) {
        return switch (view) {
            case CLIENT -> client;
            case COACH -> coach;
            case BOSS -> boss;
            case HR -> hr;
        };
    }
}
