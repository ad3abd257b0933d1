package coaching.ledger.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ComparisonTest {

    private static final String HEADER = """
            | workload | store | load | result | reference | ratio | app CPU-ms/1k | PG CPU-ms/1k | target | holds | detail |
            |---|---|---|---|---|---|---|---|---|---|---|
            """;

    private static String run(double hot, double pgbench, double cpu) {
        return HEADER
                + String.format(
                        java.util.Locale.ROOT,
                        "| W1 append, gateway | PostgreSQL | 8 clients, hot | %,.0f cmd/s | pgbench %,.0f | 0.15× | %.1f (ref 16.8) | 510 (ref 56.6) | ≥ 0.50× pgbench | **no** |  |%n",
                        hot,
                        pgbench,
                        cpu)
                + "| W5 peak RSS of ledger-app.jar | PostgreSQL | during W1b | 380 MB |  |  | n/a | n/a | ≤ 512 MB | **yes** |  |\n";
    }

    @Test
    void pairsTheRunsOfEachRoundAndTakesTheMedianOfTheRatios() {
        Comparison comparison = new Comparison();
        comparison.add(false, 1, run(1_000, 10_000, 700));
        comparison.add(true, 1, run(950, 9_000, 740));
        comparison.add(false, 2, run(2_000, 10_000, 690));
        comparison.add(true, 2, run(1_960, 10_000, 700));
        comparison.add(false, 3, run(1_500, 10_000, 710));
        comparison.add(true, 3, run(1_200, 10_000, 720));

        Comparison.Series hot = comparison.rows().get("W1 append, gateway | PostgreSQL | 8 clients, hot");
        // per round 0.95, 0.98, 0.80: the median of the paired ratios, not the ratio of the medians (1,200 ÷ 1,500)
        assertThat(hot.pairedRatios()).containsExactly(0.95, 0.98, 0.8);
        assertThat(Results.median(hot.pairedRatios())).isCloseTo(0.95, within(1e-9));
        assertThat(hot.unit).isEqualTo("cmd/s");

        Comparison.Series pgbench = comparison.references().get("reference: pgbench | 8 clients |");
        assertThat(pgbench.pairedRatios()).containsExactly(0.9, 1.0, 1.0);

        assertThat(comparison.markdown())
                .contains("| W1 append, gateway | PostgreSQL | 8 clients, hot | 1,500 (1,000–2,000) cmd/s"
                        + " | 1,200 (950–1,960) cmd/s | 0.95 (0.80–0.98)× | 700 (690–710) → 720 (700–740) |")
                .contains("| W5 peak RSS of ledger-app.jar | PostgreSQL | during W1b | 380 (380–380) MB |")
                .contains("| reference: pgbench | 8 clients | | 10,000 (10,000–10,000) |");
    }

    @Test
    void readsTheFirstNumberOfACell() {
        assertThat(Comparison.numberIn("1,642 cmd/s (3 errors)")).isEqualTo(1642);
        assertThat(Comparison.numberIn("plain reader 43,732")).isEqualTo(43732);
        assertThat(Comparison.numberIn("0.95")).isEqualTo(0.95);
        assertThat(Comparison.numberIn("n/a")).isNaN();
    }
}
