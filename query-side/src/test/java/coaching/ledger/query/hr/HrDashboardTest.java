package coaching.ledger.query.hr;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HrDashboardTest {

    private static final HrDashboard.Cell SUPPRESSED = new HrDashboard.Cell(null, true);

    @Test
    void aCellOfFourIsSuppressedAndACellOfFiveShown() {
        HrDashboard dashboard = HrDashboard.of(Map.of(), Map.of(), counts("1", 4, "2", 5, "3", 0));

        assertThat(dashboard.satisfaction())
                .containsEntry("1", SUPPRESSED)
                .containsEntry("2", new HrDashboard.Cell(5, false))
                .containsEntry("3", SUPPRESSED);
    }

    @Test
    void everyDimensionIsSuppressedTheSameWay() {
        HrDashboard dashboard =
                HrDashboard.of(counts("OPENED", 2, "ACTIVE", 10), counts("DEVELOPMENTAL", 12, "REMEDIAL", 3), Map.of());

        assertThat(dashboard.byStatus())
                .containsEntry("OPENED", SUPPRESSED)
                .containsEntry("ACTIVE", new HrDashboard.Cell(10, false));
        assertThat(dashboard.byPurpose())
                .containsEntry("DEVELOPMENTAL", new HrDashboard.Cell(12, false))
                .containsEntry("REMEDIAL", SUPPRESSED);
    }

    private static Map<String, Long> counts(Object... keysAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            counts.put((String) keysAndCounts[i], ((Integer) keysAndCounts[i + 1]).longValue());
        }
        return counts;
    }
}
