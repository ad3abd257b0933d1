package coaching.ledger.bench;

import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU one seal and one open cost, with the real {@link Sealer} (Tink AES-256-SIV) over keys held
 * in memory, as the ledger's key cache holds them after a client's first text. Measured as this
 * thread's CPU time, not wall time, so other processes on the machine hardly move it: the figure that
 * stays put when the end-to-end workloads are too noisy to show a few per cent.
 *
 * <p>{@code java -jar ledger-bench.jar sealing-cost [--command-cpu-ms=0.63] [--trials=7]}: the
 * command CPU is what a W1 command costs the bench's JVM (app CPU-ms per 1,000 commands ÷ 1,000), to
 * put one seal in proportion; a hot W1 command seals one text, a new one none.
 */
final class SealingCost {

    static final int[] LENGTHS = {40, 400, 4_000};
    private static final int CLIENTS = 1_000;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final int OPERATIONS_PER_TRIAL = 20_000;

    private final Sealer sealer = InMemoryClientDataKeys.sealer();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<SealedField> fields = new ArrayList<>();

    private SealingCost() {
        for (int client = 0; client < CLIENTS; client++) {
            fields.add(UpdateRequested.messageField("client-" + client, "eng-" + client, "r-1"));
        }
    }

    /** Per text length: µs of CPU per seal and per open, median of the trials with min–max. */
    record Cost(int length, List<Double> sealMicros, List<Double> openMicros) {}

    public static void main(String[] args) {
        Map<String, String> given = BenchOptions.named(args);
        double commandCpuMs = Double.parseDouble(given.getOrDefault("command-cpu-ms", "0.63"));
        int trials = Integer.parseInt(given.getOrDefault("trials", "7"));
        System.out.println(report(new SealingCost().measure(trials), commandCpuMs));
    }

    List<Cost> measure(int trials) {
        List<Cost> costs = new ArrayList<>();
        for (int length : LENGTHS) {
            String text = text(length);
            List<String> envelopes =
                    fields.stream().map(field -> sealer.seal(field, text)).toList();
            long warmUntil = System.nanoTime() + WARMUP_NANOS;
            while (System.nanoTime() < warmUntil) {
                seals(text, 1_000);
                opens(envelopes, 1_000);
            }
            List<Double> seal = new ArrayList<>();
            List<Double> open = new ArrayList<>();
            for (int trial = 0; trial < trials; trial++) {
                seal.add(seals(text, OPERATIONS_PER_TRIAL));
                open.add(opens(envelopes, OPERATIONS_PER_TRIAL));
            }
            costs.add(new Cost(length, seal, open));
        }
        return costs;
    }

    /** µs of this thread's CPU per seal. */
    private double seals(String text, int operations) {
        long start = threads.getCurrentThreadCpuTime();
        int sink = 0;
        for (int i = 0; i < operations; i++) {
            sink += sealer.seal(fields.get(i % CLIENTS), text).length();
        }
        return micros(start, operations, sink);
    }

    /** µs of this thread's CPU per open. */
    private double opens(List<String> envelopes, int operations) {
        long start = threads.getCurrentThreadCpuTime();
        int sink = 0;
        for (int i = 0; i < operations; i++) {
            sink += sealer.open(fields.get(i % CLIENTS), envelopes.get(i % CLIENTS))
                    .length();
        }
        return micros(start, operations, sink);
    }

    private double micros(long startNanos, int operations, int sink) {
        if (sink == 0) {
            throw new IllegalStateException("nothing was sealed or opened");
        }
        return (threads.getCurrentThreadCpuTime() - startNanos) / 1_000.0 / operations;
    }

    static String report(List<Cost> costs, double commandCpuMs) {
        StringBuilder report = new StringBuilder();
        report.append("## Sealing cost (CPU µs per operation, median of the trials (min–max))\n\n");
        report.append(String.format(
                Locale.ROOT,
                "Share: one seal ÷ %.2f CPU-ms, the bench JVM's CPU per W1 command (a hot command seals one"
                        + " text, a new one none).%n%n",
                commandCpuMs));
        report.append("| text chars | seal µs | open µs | envelope chars | one seal's share of a W1 command |\n");
        report.append("|---|---|---|---|---|\n");
        for (Cost cost : costs) {
            double seal = Results.median(cost.sealMicros());
            report.append(String.format(
                    Locale.ROOT,
                    "| %,d | %s | %s | %,d | %.2f %% |%n",
                    cost.length(),
                    Results.spreadOf(cost.sealMicros()),
                    Results.spreadOf(cost.openMicros()),
                    envelopeLength(cost.length()),
                    seal / (commandCpuMs * 1_000) * 100));
        }
        return report.toString();
    }

    private static int envelopeLength(int length) {
        return InMemoryClientDataKeys.sealer()
                .seal(UpdateRequested.messageField("client", "eng", "r"), text(length))
                .length();
    }

    /** Plausible prose of exactly {@code length} characters. */
    static String text(int length) {
        String sentence = "Explored the client's leadership challenges and agreed on two experiments. ";
        return sentence.repeat(length / sentence.length() + 1).substring(0, length);
    }
}
