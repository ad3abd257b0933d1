package coaching.ledger.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log-cost tool on a few hundred events, a tree of a few thousand leaves and no warm-up: it must
 * produce every figure (per step, per batch, signing, the sealer on H2, both proofs), whatever their values.
 */
class LogCostTest {

    @TempDir
    Path work;

    @Test
    void reportsEveryFigureOfTheSignedLog() {
        LogCost.Plan plan = new LogCost.Plan(3_000, 2, 600, Duration.ZERO, false, BenchOptions.parse("--work=" + work));

        String report = new LogCost(plan).run();

        String figure = "\\d[\\d,.]* \\(\\d[\\d,.]*–\\d[\\d,.]*\\)";
        assertThat(report)
                .contains(
                        "## Cost of the signed log",
                        "Machine: ",
                        "Events: 600 stored events of the W3 seed history",
                        "### Proofs in a tree of 3,000 leaves");
        assertThat(report).containsPattern("\\| reference: hash chain [^|]+\\| " + figure + " \\|");
        assertThat(report).containsPattern("\\| leaf: [^|]+\\| " + figure + " \\|");
        for (int batch : LogCost.BATCHES) {
            assertThat(report)
                    .containsPattern(
                            "\\| upkeep: tiles \\(TiledTree.appendLeaves\\) and root \\(frontier\\) in batches of "
                                    + batch + ", root included \\| " + figure + " \\|")
                    .containsPattern("\\| " + batch + " \\| " + figure + " \\| ≤ 5.00 \\| \\*\\*(yes|no)\\*\\* \\| "
                            + figure + "× \\|");
        }
        assertThat(report)
                .containsPattern("\\| NoteSigner.sign of a checkpoint body \\| " + figure + " \\|")
                .containsPattern("\\| NoteVerifier.verify of the signed note \\| " + figure + " \\|")
                .contains("| 300 | 1,500 events (one checkpoint per 5 s) |")
                .containsPattern("\\| H2 \\(no fsync\\) \\| 600 \\| [\\d.,]+ \\| [\\d.,]+ \\| [1-9]\\d* \\|");
        // a tree of 3,000 leaves: proofs of 12 hashes at most, read from a few tiles
        assertThat(report)
                .containsPattern("\\| inclusion \\| (" + figure
                        + " \\| ){4}\\d+ \\(1[0-2]\\) \\| [\\d,]+ \\| [1-9] \\([1-9]\\) \\|")
                .containsPattern("\\| consistency \\| (" + figure
                        + " \\| ){4}\\d+ \\(\\d+\\) \\| [\\d,]+ \\| [1-9] \\([1-9]\\) \\|");
    }
}
