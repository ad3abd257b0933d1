package coaching.ledger.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The soak (issue 11): the packaged ledger under half its measured maximum command rate for half an
 * hour, with an HR dashboard on the live stream and an integrator following the export the whole
 * time. Every sample period (a minute) it forces a full GC and records the live heap and the RSS;
 * per window (five minutes) the projection lag p99, measured as W2 does. The report ends with a
 * verdict on whether memory stayed flat: printed, never asserted (a measurement, not a test).
 */
final class Soak {

    /** How long and how hard; {@code rate} 0 means half the maximum measured at the start of the run. */
    record Plan(Duration duration, double rate, Duration warmup, Duration sample, Duration window) {

        String describe() {
            return "soak-duration=" + duration + " soak-rate=" + (rate > 0 ? Results.number(rate) : "½ measured max")
                    + " soak-warmup=" + warmup + " soak-sample=" + sample + " soak-window=" + window;
        }
    }

    /** One sample: minutes since the soak started, memory in MB, counters since the start. */
    record Sample(
            double minute,
            double heapMb,
            double liveHeapMb,
            double heapCommittedMb,
            double nonHeapCommittedMb,
            double rssMb,
            long sockets,
            long acknowledged,
            long errors,
            long streamEvents,
            long exported,
            long ledgerCpuNanos,
            String load) {}

    record Window(double fromMinute, double toMinute, long rows, double p50, double p99, double max) {}

    /** A verdict on one memory figure: growth of the last stretch over the first after warm-up, and the trend. */
    record Trend(
            String what,
            double firstFrom,
            double firstTo,
            double firstMean,
            double lastFrom,
            double lastTo,
            double lastMean,
            double tolerance,
            double slopePerMinute,
            double spanMinutes) {

        boolean flat() {
            return lastMean - firstMean <= tolerance && slopePerMinute * spanMinutes <= tolerance;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s: **%s**: minutes %.1f–%.1f mean %.1f MB, minutes %.1f–%.1f mean %.1f MB"
                            + " (%+.1f MB; tolerance %.1f MB); regression slope %+.3f MB/min over minutes %.1f–%.1f (%+.1f MB)",
                    what,
                    flat() ? "flat" : "growing",
                    firstFrom,
                    firstTo,
                    firstMean,
                    lastFrom,
                    lastTo,
                    lastMean,
                    lastMean - firstMean,
                    tolerance,
                    slopePerMinute,
                    firstFrom,
                    firstFrom + spanMinutes,
                    slopePerMinute * spanMinutes);
        }
    }

    /** Growth allowed before memory counts as growing: the larger of a floor and a share of the first stretch's mean. */
    private static final double LIVE_HEAP_FLOOR_MB = 8;

    private static final double LIVE_HEAP_SHARE = 0.10;
    private static final double RSS_FLOOR_MB = 16;
    private static final double RSS_SHARE = 0.05;
    /** The stretches compared: ten minutes each, or a third of the time after warm-up in shorter runs. */
    private static final double COMPARED_MINUTES = 10;

    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(10);

    private final BenchOptions options;
    private final Plan plan;
    private final Consumer<String> log;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicLong> errorsByAnswer = new ConcurrentSkipListMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    private final List<String> ramp = new ArrayList<>();
    private final List<String> sampleFailures = new ArrayList<>();

    Soak(BenchOptions options, Consumer<String> log) {
        this.options = options;
        this.plan = options.soak();
        this.log = log;
    }

    /** Runs the soak on a fresh database of {@code kind} and answers its section of the report. */
    String run(Store.Kind kind) {
        Store store = Store.of(kind, options, options.database("soak")).recreate();
        Map<String, String> properties = new LinkedHashMap<>(options.ledgerProperties());
        // the live heap is read from the actuator; production exposes health and info only
        properties.put("management.endpoints.web.exposure.include", "health,info,metrics");
        try (Ledger ledger = options.externalLedger()
                ? LedgerProcess.start(
                        options, store, properties, "soak-" + kind.name().toLowerCase())
                : InProcessLedger.start(store, options.ledgerProperties())) {
            Workloads.registerCoachesOverHttp(ledger.http());
            List<String> hot = Workloads.openHotOverHttp(ledger.http(), "soak-hot-", options.hotEngagements());
            ledger.awaitQuiet(QUIET_TIMEOUT);
            double max = plan.rate() > 0 ? Double.NaN : maximumRate(ledger, hot);
            double rate = plan.rate() > 0 ? plan.rate() : max / 2;
            ledger.awaitQuiet(QUIET_TIMEOUT);
            log.accept(String.format(
                    "soak on %s: %s at %.0f cmd/s (%s)",
                    store.label(),
                    plan.duration(),
                    rate,
                    plan.rate() > 0 ? "given" : "½ of the measured " + Results.number(max)));
            return soak(ledger, hot, rate, max);
        } finally {
            store.drop();
        }
    }

    /** W1b's ramp with the soak's own mix: closed loop at each client count, the best rate wins. */
    private double maximumRate(Ledger ledger, List<String> hot) {
        double best = 0;
        for (int clients : options.clients()) {
            String prefix = "max" + clients + "-";
            Load.Outcome outcome = Load.closedLoop(
                    clients,
                    options.warmupSeconds(),
                    options.seconds(),
                    options.maxOpsPerCell(),
                    client -> sequence -> {
                        HttpResponse<String> response = command(ledger.http(), hot, prefix + sequence, sequence);
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException(
                                    "answered " + response.statusCode() + ": " + response.body());
                        }
                    },
                    ledger::cpuNanos);
            ramp.add(String.format(
                    Locale.ROOT,
                    "%d clients %s cmd/s%s",
                    clients,
                    Results.number(outcome.perSecond()),
                    outcome.errors() == 0 ? "" : " (" + outcome.errors() + " errors)"));
            log.accept("  soak ramp: " + ramp.get(ramp.size() - 1));
            best = Math.max(best, outcome.perSecond());
            ledger.awaitQuiet(QUIET_TIMEOUT);
        }
        return best;
    }

    /** The soak's mix, alternating: HR opens a new engagement (timed to the HR stream), or asks for an update on a hot one. */
    private static HttpResponse<String> command(Http http, List<String> hot, String id, long sequence) {
        return sequence % 2 == 0 ? Workloads.openOverHttp(http, id) : Workloads.requestUpdateOverHttp(http, hot, id);
    }

    private String soak(Ledger ledger, List<String> hot, double rate, double max) {
        Http http = ledger.http();
        ProjectionLag lag = new ProjectionLag("soak-");
        long start = System.nanoTime();
        double seconds;
        long missing;
        HrStream stream = new HrStream(http, lag);
        ExportFollower export = new ExportFollower(http);
        ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "soak-sampler");
            thread.setDaemon(true);
            return thread;
        });
        try {
            sample(ledger, start, stream, export);
            every.scheduleAtFixedRate(
                    () -> sample(ledger, start, stream, export),
                    plan.sample().toNanos(),
                    plan.sample().toNanos(),
                    TimeUnit.NANOSECONDS);
            every.scheduleAtFixedRate(
                    () -> window(lag, start),
                    plan.window().toNanos(),
                    plan.window().toNanos(),
                    TimeUnit.NANOSECONDS);
            seconds = Load.openLoop(
                    rate,
                    plan.duration().toNanos() / 1e9,
                    Integer.MAX_VALUE,
                    "soak-commands",
                    (i, intended) -> send(http, hot, lag, i, intended));
            missing = lag.awaitSeen(Duration.ofSeconds(30));
            every.shutdown();
            every.awaitTermination(2, TimeUnit.MINUTES);
            window(lag, start);
            if (samples.isEmpty()
                    || minutesSince(start) - samples.get(samples.size() - 1).minute()
                            > plan.sample().toSeconds() / 60.0 / 2) {
                sample(ledger, start, stream, export); // the end, unless the last sample just took it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            every.shutdownNow();
            stream.close();
            export.close();
        }
        return report(ledger, rate, max, seconds, lag, missing, stream, export);
    }

    private void send(Http http, List<String> hot, ProjectionLag lag, long index, long intended) {
        String id = "soak-" + index;
        boolean opens = index % 2 == 0;
        if (opens) {
            lag.due(id, intended);
        }
        String answer;
        try {
            HttpResponse<String> response = command(http, hot, id, index);
            if (response.statusCode() / 100 == 2) {
                acknowledged.incrementAndGet();
                if (opens) {
                    lag.accepted(id, System.nanoTime());
                }
                return;
            }
            answer = Integer.toString(response.statusCode());
        } catch (RuntimeException e) {
            answer = "no answer (" + e.getClass().getSimpleName() + ")";
        }
        if (opens) {
            lag.failed(id);
        }
        errors.incrementAndGet();
        errorsByAnswer.computeIfAbsent(answer, key -> new AtomicLong()).incrementAndGet();
    }

    /** Heap in use, then a full GC and the live heap, and the RSS; a ledger that stopped answering is noted, not fatal. */
    private void sample(Ledger ledger, long start, HrStream stream, ExportFollower export) {
        double minute = minutesSince(start);
        try {
            double heap = ledger.heapUsedBytes() / 1024.0 / 1024.0;
            double live = ledger.liveHeapBytes() / 1024.0 / 1024.0;
            double rss = ledger.rssKb() / 1024.0;
            Sample sample = new Sample(
                    minute,
                    heap,
                    live,
                    ledger.heapCommittedBytes() / 1024.0 / 1024.0,
                    ledger.nonHeapCommittedBytes() / 1024.0 / 1024.0,
                    rss,
                    ledger.openSockets(),
                    acknowledged.get(),
                    errors.get(),
                    stream.events(),
                    export.events(),
                    ledger.cpuNanos(),
                    Cpu.loadAverage());
            synchronized (samples) {
                samples.add(sample);
            }
            log.accept(String.format(
                    Locale.ROOT,
                    "  soak %5.1f min: heap %.0f MB, after GC %.1f MB, RSS %.0f MB, %d sockets;"
                            + " %d acknowledged, %d errors, %d stream events, %d exported",
                    minute,
                    heap,
                    live,
                    rss,
                    sample.sockets(),
                    sample.acknowledged(),
                    sample.errors(),
                    sample.streamEvents(),
                    sample.exported()));
        } catch (RuntimeException e) {
            synchronized (samples) {
                sampleFailures.add(String.format(Locale.ROOT, "minute %.1f: %s", minute, e.getMessage()));
            }
            log.accept("  soak sample failed: " + e);
        }
    }

    private void window(ProjectionLag lag, long start) {
        double to = minutesSince(start);
        org.HdrHistogram.Histogram histogram = lag.nextWindow();
        synchronized (windows) {
            double from =
                    windows.isEmpty() ? 0 : windows.get(windows.size() - 1).toMinute();
            if (histogram.getTotalCount() == 0 && to - from < plan.window().toSeconds() / 60.0 / 2) {
                return; // the last, nearly empty stretch after a full window
            }
            Window window = new Window(
                    from,
                    to,
                    histogram.getTotalCount(),
                    histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0);
            windows.add(window);
            log.accept(String.format(
                    Locale.ROOT,
                    "  soak lag minutes %.1f–%.1f: %d rows, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    from,
                    to,
                    window.rows(),
                    window.p50(),
                    window.p99(),
                    window.max()));
        }
    }

    private static double minutesSince(long start) {
        return (System.nanoTime() - start) / 60e9;
    }

    // --- the report -----------------------------------------------------------------------------

    private String report(
            Ledger ledger,
            double rate,
            double max,
            double seconds,
            ProjectionLag lag,
            long missing,
            HrStream stream,
            ExportFollower export) {
        StringBuilder out = new StringBuilder();
        out.append("## Soak: ")
                .append(ledger.store().label())
                .append(", ")
                .append(plan.duration())
                .append(String.format(Locale.ROOT, " at %.0f commands/s", rate))
                .append(options.smoke() ? " (SMOKE: seconds, not minutes; figures meaningless)" : "")
                .append("\n\n");
        out.append("Ledger: ")
                .append(ledger.where())
                .append(' ')
                .append(String.join(" ", options.ledgerJvmArgs()))
                .append(". Rate: ")
                .append(
                        plan.rate() > 0
                                ? "given (`--soak-rate`)"
                                : "½ of the maximum measured at the start of this run on the same ledger, closed loop with the soak's mix ("
                                        + String.join(", ", ramp) + "; best " + Results.number(max) + " cmd/s)")
                .append(". ")
                .append(
                        "Commands, open loop: alternately HR opens a new engagement (timed from its acceptance to its row on the HR"
                                + " live stream, as W2) and asks for an update on one of ")
                .append(String.format(Locale.ROOT, "%,d", options.hotEngagements()))
                .append(" hot engagements. All the while one HR live stream is read (reconnecting when it ends) and one"
                        + " integrator follows the event export (1,000-event pages to the tail, then polling it every second)."
                        + " Every ")
                .append(plan.sample())
                .append(": heap in use, then a full GC and the live heap, and the RSS (`VmRSS`)")
                .append(
                        options.externalLedger()
                                ? "; the GC by `jcmd <pid> GC.run`, the heap in use from the actuator's"
                                        + " `jvm.memory.used` (area heap), the live heap from its `jvm.gc.live.data.size` (the old generation after"
                                        + " that full GC; the `metrics` endpoint exposed for the run)"
                                : "; in-process: the bench's own JVM, load driver included")
                .append(".\n\n");

        out.append("| count | value |\n|---|---|\n");
        row(
                out,
                "commands sent",
                String.format(
                        Locale.ROOT,
                        "%,d in %.0f s (%.0f/s)",
                        acknowledged.get() + errors.get(),
                        seconds,
                        (acknowledged.get() + errors.get()) / seconds));
        row(out, "commands acknowledged (2xx)", String.format(Locale.ROOT, "%,d", acknowledged.get()));
        row(
                out,
                "errors (non-2xx or no answer)",
                String.format(Locale.ROOT, "%,d", errors.get())
                        + (errorsByAnswer.isEmpty()
                                ? ""
                                : " ("
                                        + errorsByAnswer.entrySet().stream()
                                                .map(entry -> entry.getKey() + ": " + entry.getValue())
                                                .collect(Collectors.joining(", "))
                                        + ")"));
        row(
                out,
                "new engagements on the HR stream",
                String.format(
                        Locale.ROOT,
                        "%,d of %,d accepted (%,d not there 30 s after the last command)",
                        lag.seen(),
                        lag.sent() - lag.failed(),
                        missing));
        row(
                out,
                "HR stream events received",
                String.format(Locale.ROOT, "%,d (stream reopened %d times)", stream.events(), stream.reconnects()));
        row(
                out,
                "events exported",
                String.format(
                        Locale.ROOT,
                        "%,d in %,d pages (%d refusals 429/503, %d errors%s)",
                        export.events(),
                        export.pages(),
                        export.refusals(),
                        export.errors(),
                        export.firstError() == null
                                ? ""
                                : ", first: " + export.firstError().replace("|", "/")));
        row(
                out,
                "projection lag, whole soak",
                String.format(
                        Locale.ROOT,
                        "p50 %.1f ms, p99 %.1f ms, max %.1f ms; from the" + " intended start p99 %.1f ms",
                        lag.lag().getValueAtPercentile(50) / 1000.0,
                        lag.lag().getValueAtPercentile(99) / 1000.0,
                        lag.lag().getMaxValue() / 1000.0,
                        lag.endToEnd().getValueAtPercentile(99) / 1000.0));
        row(out, "peak RSS (VmHWM)", String.format(Locale.ROOT, "%.0f MB", ledger.peakRssKb() / 1024.0));
        out.append('\n');

        out.append(verdict()).append("\n\n");

        out.append(
                "| minute | heap in use MB | live heap after GC MB | heap committed MB | non-heap committed MB | RSS MB"
                        + " | open sockets | acknowledged/s | errors | HR stream events | exported events | ledger CPU % of a core | load average |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Sample previous = null;
        for (Sample sample : samples) {
            double elapsed = previous == null ? 0 : (sample.minute() - previous.minute()) * 60;
            out.append(String.format(
                    Locale.ROOT,
                    "| %.1f | %.0f | %.1f | %.0f | %.0f | %.0f | %,d | %s | %,d | %,d | %,d | %s | %s |\n",
                    sample.minute(),
                    sample.heapMb(),
                    sample.liveHeapMb(),
                    sample.heapCommittedMb(),
                    sample.nonHeapCommittedMb(),
                    sample.rssMb(),
                    sample.sockets(),
                    previous == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%.0f", (sample.acknowledged() - previous.acknowledged()) / elapsed),
                    sample.errors(),
                    sample.streamEvents(),
                    sample.exported(),
                    previous == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "%.0f",
                                    (sample.ledgerCpuNanos() - previous.ledgerCpuNanos()) / 1e7 / elapsed),
                    sample.load()));
            previous = sample;
        }
        if (!sampleFailures.isEmpty()) {
            out.append("\nSamples that failed (the ledger did not answer): ")
                    .append(String.join("; ", sampleFailures))
                    .append('\n');
        }
        out.append(
                "\n| minutes | new engagements seen | lag p50 ms | lag p99 ms | lag max ms |\n|---|---|---|---|---|\n");
        for (Window window : windows) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %.1f–%.1f | %,d | %.1f | %.1f | %.1f |\n",
                    window.fromMinute(),
                    window.toMinute(),
                    window.rows(),
                    window.p50(),
                    window.p99(),
                    window.max()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String count, String value) {
        out.append("| ").append(count).append(" | ").append(value).append(" |\n");
    }

    /** Memory flat: the live heap and the RSS each grew by no more than its tolerance, compared and by trend. */
    String verdict() {
        double warmup = plan.warmup().toSeconds() / 60.0;
        List<Sample> after =
                samples.stream().filter(sample -> sample.minute() >= warmup).toList();
        if (after.size() < 4) {
            return "Memory flat: **unknown**: " + after.size() + " samples after the warm-up of " + plan.warmup()
                    + ", too few to judge.";
        }
        Trend live = trend("live heap after GC", after, Sample::liveHeapMb, LIVE_HEAP_FLOOR_MB, LIVE_HEAP_SHARE);
        Trend rss = trend("RSS", after, Sample::rssMb, RSS_FLOOR_MB, RSS_SHARE);
        return "Memory flat: **" + (live.flat() && rss.flat() ? "yes" : "no") + "** (after a warm-up of "
                + plan.warmup()
                + "; tolerance: live heap the larger of " + Results.number(LIVE_HEAP_FLOOR_MB) + " MB and "
                + Math.round(LIVE_HEAP_SHARE * 100) + "%, RSS the larger of " + Results.number(RSS_FLOOR_MB)
                + " MB and "
                + Math.round(RSS_SHARE * 100) + "%, of the first stretch; flat when neither the last stretch's mean"
                + " nor the regression line over every sample after warm-up rises by more)\n\n- " + live.describe()
                + "\n- " + rss.describe();
    }

    private static Trend trend(
            String what, List<Sample> after, ToDoubleFunction<Sample> value, double floor, double share) {
        double from = after.get(0).minute();
        double to = after.get(after.size() - 1).minute();
        double compared = Math.min(COMPARED_MINUTES, (to - from) / 3);
        List<Sample> first = after.stream()
                .filter(sample -> sample.minute() <= from + compared)
                .toList();
        List<Sample> last = after.stream()
                .filter(sample -> sample.minute() >= to - compared)
                .toList();
        double firstMean = first.stream().mapToDouble(value).average().orElseThrow();
        double lastMean = last.stream().mapToDouble(value).average().orElseThrow();
        return new Trend(
                what,
                from,
                from + compared,
                firstMean,
                to - compared,
                to,
                lastMean,
                Math.max(floor, share * firstMean),
                slope(after, value),
                to - from);
    }

    /** Least-squares slope of the value against minutes. */
    private static double slope(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double meanX = samples.stream().mapToDouble(Sample::minute).average().orElseThrow();
        double meanY = samples.stream().mapToDouble(value).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            covariance += (sample.minute() - meanX) * (value.applyAsDouble(sample) - meanY);
            variance += (sample.minute() - meanX) * (sample.minute() - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
