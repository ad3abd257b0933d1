package coaching.ledger.query.testing;

import coaching.ledger.kernel.visibility.PartyView;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** The version a view shows of an engagement once it applied the engagement's events (in order). */
@FunctionalInterface
public interface ViewVersion {

    long after(List<?> events);

    /** A party's view: how many of the events PartyView says it shows, minus one (the opening is 0). */
    static ViewVersion of(PartyView party) {
        return events -> events.stream().filter(party::shows).count() - 1;
    }

    /** The compliance view: the sequence number of the last event of a type the projection handles. */
    static ViewVersion lastHandledBy(Class<?> projection) {
        Set<Class<?>> handled = AppliedEvents.of(projection);
        return events -> IntStream.range(0, events.size())
                .filter(i -> handled.contains(events.get(i).getClass()))
                .max()
                .orElseThrow();
    }
}
