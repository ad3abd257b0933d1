package coaching.ledger.query.hr;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Engagement counts by status and by purpose, and the distribution of the latest satisfaction score
 * per engagement. A cell counting fewer than {@value #MIN_ENGAGEMENTS} engagements is suppressed, so
 * a small group (the one remedial engagement, the one unhappy client) cannot be singled out.
 */
public record HrDashboard(Map<String, Cell> byStatus, Map<String, Cell> byPurpose, Map<String, Cell> satisfaction) {

    static final int MIN_ENGAGEMENTS = 5;

    public record Cell(Integer count, boolean suppressed) {

        static Cell of(long count) {
            return count < MIN_ENGAGEMENTS ? new Cell(null, true) : new Cell(Math.toIntExact(count), false);
        }
    }

    static HrDashboard of(Map<String, Long> byStatus, Map<String, Long> byPurpose, Map<String, Long> satisfaction) {
        return new HrDashboard(cells(byStatus), cells(byPurpose), cells(satisfaction));
    }

    private static Map<String, Cell> cells(Map<String, Long> counts) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        counts.forEach((key, count) -> cells.put(key, Cell.of(count)));
        return cells;
    }
}
