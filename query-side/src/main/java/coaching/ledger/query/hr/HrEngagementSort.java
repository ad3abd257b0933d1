package coaching.ledger.query.hr;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.query.engagement.EngagementStatus;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders the HR engagement list offers: the {@code sort} parameter names one (a leading {@code -}
 * for descending), and each maps to a fixed ORDER BY, so no caller text ever reaches the SQL. Every
 * order ends with the engagement id, so pages neither overlap nor skip rows.
 */
public enum HrEngagementSort {
    OPENED_AT("openedAt", "opened_at, engagement_id"),
    OPENED_AT_DESCENDING("-openedAt", "opened_at DESC, engagement_id DESC"),
    ENGAGEMENT_ID("engagementId", "engagement_id"),
    ENGAGEMENT_ID_DESCENDING("-engagementId", "engagement_id DESC"),
    STATUS("status", lifecycleOrder() + ", opened_at, engagement_id"),
    STATUS_DESCENDING("-status", lifecycleOrder() + " DESC, opened_at DESC, engagement_id DESC");

    public static final HrEngagementSort DEFAULT = OPENED_AT;

    private final String parameter;
    private final String orderBy;

    HrEngagementSort(String parameter, String orderBy) {
        this.parameter = parameter;
        this.orderBy = orderBy;
    }

    public static HrEngagementSort named(String parameter) {
        return Arrays.stream(values())
                .filter(sort -> sort.parameter.equals(parameter))
                .findFirst()
                .orElseThrow(() -> Rejection.invalid(
                        "sort",
                        "must be one of "
                                + Arrays.stream(values())
                                        .map(HrEngagementSort::parameter)
                                        .collect(Collectors.joining(", "))));
    }

    public String parameter() {
        return parameter;
    }

    String orderBy() {
        return orderBy;
    }

    /** Statuses sort as the lifecycle runs (OPENED first), not alphabetically. */
    private static String lifecycleOrder() {
        return Arrays.stream(EngagementStatus.values())
                .map(status -> "WHEN '" + status.name() + "' THEN " + status.ordinal())
                .collect(Collectors.joining(" ", "CASE status ", " END"));
    }
}
