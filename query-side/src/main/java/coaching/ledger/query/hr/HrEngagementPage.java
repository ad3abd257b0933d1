package coaching.ledger.query.hr;

import java.util.List;
import java.util.OptionalInt;

/** One page of the HR engagement list, and how many engagements the whole list holds. */
public record HrEngagementPage(HrEngagementQuery query, List<HrEngagement> engagements, long total) {

    public HrEngagementPage {
        engagements = List.copyOf(engagements);
    }

    public OptionalInt nextPage() {
        return query.offset() + query.size() < total ? OptionalInt.of(query.page() + 1) : OptionalInt.empty();
    }

    /** The page before, or the last page when this one lies past the end: a way back from any page. */
    public OptionalInt previousPage() {
        if (query.page() == 0) {
            return OptionalInt.empty();
        }
        long lastPage = Math.max(0, (total - 1) / query.size());
        return OptionalInt.of((int) Math.min(query.page() - 1, lastPage));
    }
}
