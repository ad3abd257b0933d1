package coaching.ledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark: every workload of issue 6 beside its reference, in rounds, then the table.
 * {@code bench/run.sh} builds and runs it; bench/README.md explains every row.
 */
public final class Bench {

    private final BenchOptions options;
    private final Results results = new Results();
    private final Workloads workloads;

    Bench(BenchOptions options) {
        this.options = options;
        this.workloads = new Workloads(options, results, Bench::log);
    }

    /** {@code sealing-cost}, {@code log-cost} and {@code compare} are tools of their own (bench/README.md); anything else runs the bench. */
    public static void main(String[] args) {
        String tool = args.length > 0 ? args[0] : "";
        if (tool.equals("sealing-cost")) {
            SealingCost.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (tool.equals("log-cost")) {
            LogCost.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (tool.equals("compare")) {
            if (args.length != 2) {
                throw new IllegalArgumentException("compare <directory of before-N.md and after-N.md>");
            }
            System.out.println(Comparison.of(Path.of(args[1])).markdown());
            return;
        }
        BenchOptions options = BenchOptions.parse(args);
        String report = new Bench(options).run();
        System.out.println(report);
        System.exit(0);
    }

    /** Runs every round and answers the report (also written to {@code --out}). */
    String run() {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        log("bench: " + options.describe());
        try {
            Files.createDirectories(options.workDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pgbench pgbench = Pgbench.available() && workloads.postgresReachable() ? new Pgbench(options) : null;
        if (pgbench == null) {
            results.note("pgbench or the PostgreSQL server is not available: no append reference in this run.");
        }
        if (options.runs("w3")) {
            options.databases().forEach(workloads::ensureReplayTemplate);
        }
        boolean shareUpdates = (options.runs("w6") || options.runs("w7"))
                && sharesUpdates(pgbench != null || workloads.postgresReachable());
        Map<Integer, String> loads = new LinkedHashMap<>();
        for (int round = 1; options.runsRounds() && round <= options.rounds(); round++) {
            String before = Cpu.loadAverage();
            log("round " + round + "/" + options.rounds() + " (load " + before + ")");
            Map<Integer, Measurement> appendReference = new LinkedHashMap<>();
            if (pgbench != null && (options.runs("w1") || options.runs("w1b"))) {
                pgbench.prepare();
                for (int clients : options.clients()) {
                    Measurement reference = pgbench.run(clients);
                    appendReference.put(clients, reference);
                    log(String.format("  pgbench %d clients: %,.0f tps", clients, reference.value()));
                }
            }
            for (Store.Kind kind : options.databases()) {
                workloads.inProcess(round, kind, appendReference);
                if (options.runs("w1b")) {
                    workloads.overHttp(round, kind, appendReference);
                }
                if (options.runs("w3")) {
                    workloads.replay(round, kind);
                }
            }
            if (shareUpdates && options.runs("w6")) {
                new ShareUpdateComparison(options, results, Bench::log).round(round);
            }
            if (shareUpdates && options.runs("w7")) {
                new ShareUpdateComparison(options, results, Bench::log).historyRound(round);
            }
            loads.put(round, before + " → " + Cpu.loadAverage());
        }
        if (pgbench != null) {
            pgbench.drop();
        }
        if (options.smoke()) {
            options.databases().forEach(workloads::dropReplayTemplate);
        }
        String soak = options.runs("soak")
                ? new Soak(options, Bench::log).run(options.databases().get(0))
                : "";
        String report = report(started, loads) + (soak.isEmpty() ? "" : "\n" + soak);
        write(report);
        return report;
    }

    /** W6 starts three packaged jars on PostgreSQL: not in the smoke run (in-process only), not without PostgreSQL. */
    private boolean sharesUpdates(boolean postgresReachable) {
        String skipped = !options.externalLedger()
                ? "the smoke run starts no packaged jars"
                : !options.databases().contains(Store.Kind.POSTGRES)
                        ? "it runs on PostgreSQL only (--db has no pg)"
                        : !postgresReachable ? "the PostgreSQL server is not reachable" : "";
        if (!skipped.isEmpty()) {
            results.note(ShareUpdateComparison.WORKLOAD + " skipped: " + skipped + ".");
        }
        return skipped.isEmpty();
    }

    private String report(Instant started, Map<Integer, String> loads) {
        StringBuilder report = new StringBuilder();
        report.append("## Results ")
                .append(started)
                .append(options.smoke() ? " (SMOKE: tiny counts, figures meaningless)" : "")
                .append("\n\n");
        report.append("Machine: ").append(Machine.describe(options)).append("\n\n");
        report.append("Run: `")
                .append(options.describe())
                .append("`; took ")
                .append(Duration.between(started, Instant.now().truncatedTo(ChronoUnit.SECONDS))
                        .toMinutes())
                .append(" min.");
        if (!loads.isEmpty()) {
            report.append(" Load average (1/5/15 min) at the start → end of each round: ");
            loads.forEach((round, load) -> report.append("round ")
                    .append(round)
                    .append(": ")
                    .append(load)
                    .append("; "));
        }
        report.append("\n\n");
        if (options.runsRounds()) {
            report.append(
                    "Each cell: median of the rounds (min–max). Ratio: result ÷ reference per round (paired), median (min–max).\n\n");
            report.append(results.markdown());
        }
        return report.toString();
    }

    private void write(String report) {
        try {
            Path out = options.out();
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, report);
            log("table written to " + out.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Results results() {
        return results;
    }

    static void log(String line) {
        System.err.println("[bench " + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }
}
