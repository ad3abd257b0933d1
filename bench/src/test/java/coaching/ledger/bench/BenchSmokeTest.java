package coaching.ledger.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's smoke mode: every workload with a few hundred events, in-process on H2 (with the
 * pgbench reference where pgbench and the local PostgreSQL exist). Asserts that it runs and writes
 * its table, never a timing: figures from a test run mean nothing.
 */
class BenchSmokeTest {

    @TempDir
    Path work;

    @Test
    void runsEveryWorkloadAndWritesTheTable() throws Exception {
        Path out = work.resolve("smoke.md");
        BenchOptions options = BenchOptions.parse("--smoke", "--work=" + work, "--out=" + out);

        String report = new Bench(options).run();

        assertThat(report)
                .contains(
                        "| workload | store | load | result | reference | ratio |",
                        "W1 append, gateway",
                        "W1b append, HTTP",
                        "W2 projection lag",
                        "W3 replay, all 5 views",
                        "W4 query p99, HR list",
                        "W4 query p99, client view",
                        // W6 starts three packaged jars: not in a quick test
                        "W6 share update, HTTP, vs CRUD baseline skipped: the smoke run starts no packaged jars.");
        assertThat(Files.readString(out)).isEqualTo(report);
    }

    /**
     * The soak for 20 seconds instead of 30 minutes: it must produce every figure (memory per sample,
     * lag per window, the counts and a verdict), whatever their values.
     */
    @Test
    void soaksAndReportsMemoryLagCountsAndAVerdict() {
        BenchOptions options =
                BenchOptions.parse("--smoke", "--workloads=soak", "--work=" + work, "--out=" + work.resolve("soak.md"));

        String report = new Bench(options).run();

        assertThat(report)
                .contains(
                        "## Soak: H2",
                        "| commands acknowledged (2xx) |",
                        "| errors (non-2xx or no answer) |",
                        "| HR stream events received |",
                        "| events exported |",
                        "| minute | heap in use MB | live heap after GC MB | heap committed MB | non-heap committed MB | RSS MB |",
                        "| minutes | new engagements seen | lag p50 ms |");
        assertThat(report).containsPattern("Memory flat: \\*\\*(yes|no)\\*\\*");
        assertThat(report)
                .containsPattern(
                        "\\| 0\\.\\d \\| \\d+ \\| \\d+\\.\\d \\| \\d+ \\| \\d+ \\| \\d+ \\|"); // the first sample's
        // memory figures
        assertThat(report).containsPattern("\\| commands acknowledged \\(2xx\\) \\| [1-9]");
        assertThat(report).containsPattern("\\| events exported \\| [1-9]");
    }
}
