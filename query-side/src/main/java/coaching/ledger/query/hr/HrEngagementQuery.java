package coaching.ledger.query.hr;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.query.engagement.EngagementFilter;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.web.LedgerIds;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which page of the HR engagement list to answer: the engagements in any of {@code statuses} (all
 * when empty) whose id starts with {@code engagementIdPrefix} (any when null), in {@code sort} order,
 * {@code size} rows from row {@code page * size}.
 */
public record HrEngagementQuery(
        List<EngagementStatus> statuses, String engagementIdPrefix, HrEngagementSort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;

    /** The first page with the defaults, as a client that sends no parameter gets it. */
    public static final HrEngagementQuery FIRST_PAGE =
            new HrEngagementQuery(List.of(), null, HrEngagementSort.DEFAULT, 0, DEFAULT_SIZE);

    public HrEngagementQuery {
        statuses = List.copyOf(statuses);
    }

    /** The request's parameters, each checked: a bad one is refused naming it. */
    public static HrEngagementQuery of(
            Integer page, Integer size, List<String> statuses, String sort, String engagementIdPrefix) {
        if (page != null && page < 0) {
            throw Rejection.invalid("page", "must be 0 or more");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw Rejection.invalid("size", "must be 1 to " + MAX_SIZE);
        }
        return new HrEngagementQuery(
                statuses == null
                        ? List.of()
                        : statuses.stream()
                                .map(HrEngagementQuery::status)
                                .distinct()
                                .toList(),
                engagementIdPrefix == null ? null : LedgerIds.require("engagementId", engagementIdPrefix),
                sort == null ? HrEngagementSort.DEFAULT : HrEngagementSort.named(sort),
                page == null ? 0 : page,
                size == null ? DEFAULT_SIZE : size);
    }

    private static EngagementStatus status(String name) {
        return Arrays.stream(EngagementStatus.values())
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        Rejection.invalid("status", "must be one of " + Arrays.toString(EngagementStatus.values())));
    }

    /** Where the page starts: a long, since a large page times the size overflows an int. */
    long offset() {
        return (long) page * size;
    }

    /** The rows of hr_engagement the list covers; the caller's values are bound, never written into the SQL. */
    EngagementFilter filter() {
        EngagementFilter filter = EngagementFilter.all();
        if (!statuses.isEmpty()) {
            filter = filter.and(new EngagementFilter(
                    "status IN (:statuses)",
                    Map.of("statuses", statuses.stream().map(Enum::name).toList())));
        }
        if (engagementIdPrefix != null) {
            // an id may hold '_', which LIKE reads as any character
            filter = filter.and(new EngagementFilter(
                    "engagement_id LIKE :prefix ESCAPE '\\'",
                    Map.of("prefix", engagementIdPrefix.replace("_", "\\_") + "%")));
        }
        return filter;
    }

    /**
     * The query string of another page of this list, with every other parameter as the caller gave it
     * (defaults spelt out). No value needs escaping: statuses, sort names and ids are all URL-safe.
     */
    public String queryString(int otherPage) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("page", String.valueOf(otherPage));
        parameters.put("size", String.valueOf(size));
        if (!statuses.isEmpty()) {
            parameters.put("status", statuses.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        parameters.put("sort", sort.parameter());
        if (engagementIdPrefix != null) {
            parameters.put("engagementId", engagementIdPrefix);
        }
        return parameters.entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                .collect(Collectors.joining("&"));
    }
}
