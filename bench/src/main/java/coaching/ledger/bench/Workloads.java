package coaching.ledger.bench;

import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.coaches.Certification;
import coaching.ledger.kernel.coaches.RegisterCoach;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.ShortlistCoaches;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.query.Views;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** The workloads W1–W5 of issue 6, each recorded into the results with its reference. */
final class Workloads {

    private static final String REQUEST_MESSAGE =
            "Could you share how the coaching is going ahead of the quarterly review?";
    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(90);
    /**
     * W4's HR read: the first page of the default size, filtered as a dashboard would. The hot set is
     * shortlisted and stays so (its commands are update requests), so this page is always full.
     */
    private static final String HR_LIST_PAGE = "/api/v1/hr/engagements?status=SHORTLISTED&size=50";

    private final BenchOptions options;
    private final Results results;
    private final Consumer<String> log;
    /** The best W1 rate of the current round per store: W2 and W4 run at half of it. */
    private final Map<String, Double> bestNew = new ConcurrentHashMap<>();

    private final Map<String, Double> bestHot = new ConcurrentHashMap<>();

    Workloads(BenchOptions options, Results results, Consumer<String> log) {
        this.options = options;
        this.results = results;
        this.log = log;
    }

    boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(
                options.postgresUrl() + "postgres", options.postgresUser(), options.postgresPassword())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private Store store(Store.Kind kind, String name) {
        return Store.of(kind, options, name);
    }

    // --- W1, W4, W2: the ledger in this JVM, commands through the gateway ----------------------

    void inProcess(int round, Store.Kind kind, Map<Integer, Measurement> appendReference) {
        if (!options.runs("w1") && !options.runs("w2") && !options.runs("w4")) {
            return;
        }
        boolean smokeReplay = !options.externalLedger() && options.runs("w3");
        Store store = smokeReplay
                ? store(kind, options.database("template")).cloneAs(options.database("app"))
                : store(kind, options.database("app")).recreate();
        try (InProcessLedger ledger = InProcessLedger.start(store, options.ledgerProperties())) {
            CommandGateway gateway = ledger.commands();
            List<String> hot = setUpHotEngagements(round, ledger);
            quiet(ledger);
            if (options.runs("w1")) {
                for (int clients : options.clients()) {
                    Load.Outcome outcome = Load.closedLoop(
                            clients,
                            options.warmupSeconds(),
                            options.seconds(),
                            options.maxOpsPerCell(),
                            client -> hotRequest(gateway, hot, "r" + round + "c" + clients + "-"),
                            Cpu::jvmNanos);
                    record(
                            round,
                            "W1 append, gateway",
                            store,
                            clients + " clients, hot",
                            "cmd/s",
                            0.5,
                            clients,
                            outcome,
                            appendReference.get(clients),
                            "pgbench");
                    bestHot.merge(store.label(), outcome.perSecond(), Math::max);
                    quiet(ledger);
                }
            }
            if (options.runs("w4")) {
                queriesUnderLoad(round, ledger, gateway, hot);
                quiet(ledger);
            }
            if (options.runs("w1")) {
                for (int clients : options.clients()) {
                    String prefix = "n" + round + "c" + clients + "-";
                    Load.Outcome outcome = Load.closedLoop(
                            clients,
                            options.warmupSeconds(),
                            options.seconds(),
                            options.maxOpsPerCell(),
                            client -> sequence -> open(gateway, prefix + sequence),
                            Cpu::jvmNanos);
                    record(
                            round,
                            "W1 append, gateway",
                            store,
                            clients + " clients, new",
                            "cmd/s",
                            0.5,
                            clients,
                            outcome,
                            appendReference.get(clients),
                            "pgbench");
                    bestNew.merge(store.label(), outcome.perSecond(), Math::max);
                    quiet(ledger);
                }
            }
            if (options.runs("w2")) {
                projectionLag(round, ledger, gateway);
            }
            if (options.runs("w1b") && !options.externalLedger()) {
                appendOverHttp(round, ledger, appendReference);
            }
            if (smokeReplay) {
                quiet(ledger);
                replays(round, ledger, plainReader(store));
            }
        }
        store.drop();
    }

    /**
     * The hot set: engagements of client-cara and boss-ben (so the client view can be read as
     * client-cara), opened and shortlisted by HR.
     */
    private List<String> setUpHotEngagements(int round, InProcessLedger ledger) {
        CommandGateway gateway = ledger.commands();
        InProcessLedger.actAs("hr-hana", "HR");
        registerCoaches(command -> gateway.sendAndWait(command));
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < options.hotEngagements(); i++) {
            hot.add("hot-" + round + "-" + i);
        }
        parallel(hot.size(), i -> {
            InProcessLedger.actAs("hr-hana", "HR");
            gateway.sendAndWait(
                    new OpenEngagement(hot.get(i), "client-cara", "boss-ben", Purpose.DEVELOPMENTAL, Urgency.NORMAL));
            gateway.sendAndWait(new ShortlistCoaches(hot.get(i), List.of("coach-cole", "coach-chen")));
        });
        return hot;
    }

    static void registerCoachesOverHttp(Http http) {
        registerCoaches(command -> expectCreated(http.post("hr-hana", "/api/v1/coaches", json(command))));
    }

    private static void registerCoaches(Consumer<RegisterCoach> send) {
        for (String coach : List.of("coach-cole", "coach-chen")) {
            send.accept(new RegisterCoach(
                    coach,
                    coach,
                    List.of(new Certification("ICF", "PCC", LocalDate.of(2028, 6, 30))),
                    10,
                    List.of("leadership")));
        }
    }

    private static Load.Operation hotRequest(CommandGateway gateway, List<String> hot, String prefix) {
        return sequence -> {
            InProcessLedger.actAs("hr-hana", "HR");
            String engagement = hot.get(ThreadLocalRandom.current().nextInt(hot.size()));
            expectRecorded(gateway.sendAndWait(
                    new RequestUpdate(engagement, prefix + sequence, Scope.PROGRESS, REQUEST_MESSAGE)));
        };
    }

    private static Receipt open(CommandGateway gateway, String engagementId) {
        InProcessLedger.actAs("hr-hana", "HR");
        Receipt receipt = gateway.sendAndWait(
                new OpenEngagement(engagementId, "client-cara", "boss-ben", Purpose.DEVELOPMENTAL, Urgency.NORMAL));
        expectRecorded(receipt);
        return receipt;
    }

    private static void expectRecorded(Receipt receipt) {
        if (receipt == null || receipt.repeated() || receipt.isRefused()) {
            throw new IllegalStateException("command not recorded: " + receipt);
        }
    }

    /**
     * W2: new engagements opened at a fixed rate (half the best W1 rate), open loop; each is timed
     * from the gateway's answer (accepted, committed) to its row arriving on the HR live stream.
     */
    private void projectionLag(int round, InProcessLedger ledger, CommandGateway gateway) {
        double rate = options.lagRate() > 0
                ? options.lagRate()
                : 0.5 * bestNew.getOrDefault(ledger.store().label(), 100.0);
        ProjectionLag timings = new ProjectionLag("lag" + round + "-");
        try (HrStream ignored = new HrStream(ledger.http(), timings)) {
            long cpu = ledger.cpuNanos();
            long pgCpu = Cpu.postgresNanos();
            double seconds =
                    Load.openLoop(rate, options.lagSeconds(), options.maxOpsPerCell(), "w2-sender", (i, intended) -> {
                        String id = "lag" + round + "-" + i;
                        timings.due(id, intended);
                        try {
                            open(gateway, id);
                            timings.accepted(id, System.nanoTime());
                        } catch (RuntimeException e) {
                            timings.failed(id);
                        }
                    });
            long missing = timings.awaitSeen(Duration.ofSeconds(30));
            long sent = timings.sent();
            long cpuUsed = ledger.cpuNanos() - cpu;
            long pgUsed = Cpu.postgresNanos() - pgCpu;
            Histogram lag = timings.lag();
            Measurement measurement = Measurement.throughput(sent / seconds, cpuUsed, pgUsed, sent);
            measurement = new Measurement(
                            lag.getValueAtPercentile(99) / 1000.0,
                            measurement.appCpuMsPer1k(),
                            ledger.store().isPostgres() ? measurement.pgCpuMsPer1k() : Double.NaN,
                            timings.failed() + missing,
                            new java.util.LinkedHashMap<>())
                    .with("p50 ms", lag.getValueAtPercentile(50) / 1000.0)
                    .with("max ms", lag.getMaxValue() / 1000.0)
                    .with("p99 from intended start ms", timings.endToEnd().getValueAtPercentile(99) / 1000.0)
                    .with("rate cmd/s", sent / seconds);
            results.row(
                            "W2 projection lag p99 (accepted → on HR stream)",
                            ledger.store().label(),
                            // the rate of each round goes into the detail, so the rounds share one row
                            options.lagRate() > 0
                                    ? String.format("open loop at %.0f cmd/s", rate)
                                    : "open loop at ½ the round's best W1 new rate",
                            "ms",
                            Results.Goal.AT_MOST,
                            100,
                            "")
                    .measured
                    .put(round, measurement);
            log.accept(String.format(
                    "  W2 %s at %.0f/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, missing %d",
                    ledger.store().label(),
                    rate,
                    lag.getValueAtPercentile(50) / 1000.0,
                    lag.getValueAtPercentile(99) / 1000.0,
                    lag.getMaxValue() / 1000.0,
                    missing));
        }
    }

    /**
     * W4: the HR list's first page and a client view read over HTTP at a fixed rate each (open loop, latency from
     * the intended start), while hot commands arrive at half the best W1 hot rate.
     */
    private void queriesUnderLoad(int round, InProcessLedger ledger, CommandGateway gateway, List<String> hot) {
        // a fixed rate (lag-rate) lets W2 and W4 run at half the HTTP maximum W6 measured, as issue 16 asks
        double rate = options.lagRate() > 0
                ? options.lagRate()
                : 0.5 * bestHot.getOrDefault(ledger.store().label(), 100.0);
        Http http = ledger.http();
        for (int i = 0; i < 30; i++) { // warm the query paths
            http.get("hr-hana", HR_LIST_PAGE);
            http.get("client-cara", "/api/v1/client/engagements/" + hot.get(i % hot.size()));
        }
        Histogram hr = new ConcurrentHistogram(3_600_000_000L, 3);
        Histogram client = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        long cpu = ledger.cpuNanos();
        long pgCpu = Cpu.postgresNanos();
        String prefix = "q" + round + "-";
        CompletableFuture<Double> load = CompletableFuture.supplyAsync(() ->
                Load.openLoop(rate, options.lagSeconds(), options.maxOpsPerCell(), "w4-commands", (i, intended) -> {
                    try {
                        hotRequest(gateway, hot, prefix).run(i);
                        commands.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }));
        CompletableFuture<Double> hrQueries = CompletableFuture.supplyAsync(() -> Load.openLoop(
                options.queryRate(),
                options.lagSeconds(),
                options.maxOpsPerCell(),
                "w4-hr",
                (i, intended) -> timed(() -> http.get("hr-hana", HR_LIST_PAGE), intended, hr, errors)));
        CompletableFuture<Double> clientQueries = CompletableFuture.supplyAsync(() -> Load.openLoop(
                options.queryRate(),
                options.lagSeconds(),
                options.maxOpsPerCell(),
                "w4-client",
                (i, intended) -> timed(
                        () -> http.get(
                                "client-cara",
                                "/api/v1/client/engagements/"
                                        + hot.get(ThreadLocalRandom.current().nextInt(hot.size()))),
                        intended,
                        client,
                        errors)));
        double seconds = load.join();
        hrQueries.join();
        clientQueries.join();
        long cpuUsed = ledger.cpuNanos() - cpu;
        long pgUsed = Cpu.postgresNanos() - pgCpu;
        String load4 = options.lagRate() > 0
                ? String.format(
                        "hot commands at %.0f/s + %.0f reads/s per view", options.lagRate(), options.queryRate())
                : String.format(
                        "hot commands at ½ the round's best W1 hot rate + %.0f reads/s per view", options.queryRate());
        for (var view : List.of(Map.entry("HR list (first 50 SHORTLISTED)", hr), Map.entry("client view", client))) {
            Histogram histogram = view.getValue();
            Measurement measurement = Measurement.throughput(0, cpuUsed, pgUsed, commands.get());
            measurement = new Measurement(
                            histogram.getValueAtPercentile(99) / 1000.0,
                            measurement.appCpuMsPer1k(),
                            ledger.store().isPostgres() ? measurement.pgCpuMsPer1k() : Double.NaN,
                            errors.get(),
                            new java.util.LinkedHashMap<>())
                    .with("p50 ms", histogram.getValueAtPercentile(50) / 1000.0)
                    .with("max ms", histogram.getMaxValue() / 1000.0)
                    .with("commands/s", commands.get() / seconds);
            results.row(
                            "W4 query p99, " + view.getKey(),
                            ledger.store().label(),
                            load4,
                            "ms",
                            Results.Goal.AT_MOST,
                            20,
                            "")
                    .measured
                    .put(round, measurement);
            log.accept(String.format(
                    "  W4 %s %s: p50 %.1f ms, p99 %.1f ms (commands %.0f/s)",
                    ledger.store().label(),
                    view.getKey(),
                    histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0,
                    commands.get() / seconds));
        }
    }

    private static void timed(
            java.util.function.Supplier<HttpResponse<String>> query,
            long intended,
            Histogram histogram,
            AtomicLong errors) {
        try {
            HttpResponse<String> response = query.get();
            if (response.statusCode() != 200) {
                errors.incrementAndGet();
            }
        } catch (RuntimeException e) {
            errors.incrementAndGet();
        }
        histogram.recordValue(Math.max(0, System.nanoTime() - intended) / 1_000);
    }

    // --- W1b and W5: the packaged ledger over HTTP ---------------------------------------------

    /** W1b on the packaged ledger in its own process, with W5 (its peak RSS). */
    void overHttp(int round, Store.Kind kind, Map<Integer, Measurement> appendReference) {
        if (!options.externalLedger()) {
            return; // the smoke run appends over HTTP to its in-process ledger instead
        }
        Store store = store(kind, options.database("http")).recreate();
        try (Ledger ledger = LedgerProcess.start(
                options, store, options.ledgerProperties(), "w1b-" + kind.name().toLowerCase() + "-" + round)) {
            registerCoachesOverHttp(ledger.http());
            appendOverHttp(round, ledger, appendReference);
            results.row(
                            "W5 peak RSS of ledger-app.jar",
                            store.label(),
                            "during W1b (start-up, setup, every W1b cell)",
                            "MB",
                            Results.Goal.AT_MOST,
                            512,
                            "")
                    .measured
                    .put(round, Measurement.of(ledger.peakRssKb() / 1024.0));
        }
        store.drop();
    }

    private void appendOverHttp(int round, Ledger ledger, Map<Integer, Measurement> appendReference) {
        Store store = ledger.store();
        Http http = ledger.http();
        {
            List<String> hot = openHotOverHttp(http, "hot-http-" + round + "-", options.hotEngagements());
            quiet(ledger);
            for (int clients : options.clients()) {
                String prefix = "r" + round + "c" + clients + "-";
                long driverCpu = Cpu.jvmNanos();
                Load.Outcome outcome = Load.closedLoop(
                        clients,
                        options.warmupSeconds(),
                        options.seconds(),
                        options.maxOpsPerCell(),
                        client -> sequence -> expectCreated(requestUpdateOverHttp(http, hot, prefix + sequence)),
                        ledger::cpuNanos);
                driverCpu = Cpu.jvmNanos() - driverCpu;
                recordHttp(round, store, ledger, clients, "hot", outcome, driverCpu, appendReference.get(clients));
                quiet(ledger);
            }
            for (int clients : options.clients()) {
                String prefix = "h" + round + "c" + clients + "-";
                long driverCpu = Cpu.jvmNanos();
                Load.Outcome outcome = Load.closedLoop(
                        clients,
                        options.warmupSeconds(),
                        options.seconds(),
                        options.maxOpsPerCell(),
                        client -> sequence -> expectCreated(openOverHttp(http, prefix + sequence)),
                        ledger::cpuNanos);
                driverCpu = Cpu.jvmNanos() - driverCpu;
                recordHttp(round, store, ledger, clients, "new", outcome, driverCpu, appendReference.get(clients));
                quiet(ledger);
            }
        }
    }

    private void recordHttp(
            int round,
            Store store,
            Ledger ledger,
            int clients,
            String mode,
            Load.Outcome outcome,
            long driverCpu,
            Measurement reference) {
        Results.Row row = record(
                round,
                "W1b append, HTTP",
                store,
                clients + " clients, " + mode,
                "cmd/s",
                0.3,
                clients,
                outcome,
                reference,
                "pgbench");
        row.measured.put(
                round, row.measured.get(round).with("driver CPU-ms/1k", driverCpu / 1e6 / outcome.operations() * 1000));
    }

    /** Opens and shortlists {@code count} engagements over HTTP: the hot set of W1b and the soak. */
    static List<String> openHotOverHttp(Http http, String prefix, int count) {
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hot.add(prefix + i);
        }
        parallel(hot.size(), i -> {
            expectCreated(openOverHttp(http, hot.get(i)));
            expectCreated(http.post(
                    "hr-hana",
                    "/api/v1/engagements/" + hot.get(i) + "/shortlist",
                    "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        });
        return hot;
    }

    /** W1b's hot command: HR asks for a progress update on one of the hot engagements. */
    static HttpResponse<String> requestUpdateOverHttp(Http http, List<String> hot, String requestId) {
        return http.post(
                "hr-hana",
                "/api/v1/engagements/" + hot.get(ThreadLocalRandom.current().nextInt(hot.size())) + "/update-requests",
                "{\"requestId\":\"" + requestId + "\",\"scope\":\"PROGRESS\",\"message\":\"" + REQUEST_MESSAGE + "\"}");
    }

    /** W1b's new command: HR opens an engagement. */
    static HttpResponse<String> openOverHttp(Http http, String engagementId) {
        return http.post("hr-hana", "/api/v1/engagements", openBody(engagementId));
    }

    private static String openBody(String engagementId) {
        return "{\"engagementId\":\"" + engagementId + "\",\"clientId\":\"client-cara\",\"bossId\":\"boss-ben\","
                + "\"purpose\":\"DEVELOPMENTAL\",\"urgency\":\"NORMAL\"}";
    }

    private static String json(Object body) {
        try {
            return Ledger.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void expectCreated(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("expected 201, got " + response.statusCode() + ": " + response.body());
        }
    }

    // --- W3 and W5: replay ---------------------------------------------------------------------

    /** The seeded template of this store, seeded and its views built once (reused while its marker matches). */
    void ensureReplayTemplate(Store.Kind kind) {
        Store template = store(kind, options.database("template"));
        String marker = ReplaySeed.marker(options.replayEvents()) + " views built";
        if (!options.reseed() && template.exists() && marker.equals(template.comment())) {
            log.accept("W3 template " + template.label() + " is seeded (" + marker + ")");
            return;
        }
        log.accept(
                "W3: seeding " + options.replayEvents() + " events into the " + template.label() + " template (once)");
        ReplaySeed.seed(template, options.replayEvents(), log);
        if (options.smoke()) {
            return; // the replay run builds the views on its first start instead
        }
        long start = System.nanoTime();
        try (Ledger ledger = options.externalLedger()
                ? LedgerProcess.start(
                        options,
                        template,
                        options.ledgerProperties(),
                        "w3-template-" + kind.name().toLowerCase())
                : InProcessLedger.start(template, options.ledgerProperties())) {
            ledger.awaitQuiet(REPLAY_TIMEOUT);
            log.accept(String.format(
                    "  views built on the template in %.1f s (first start, all five projections)",
                    (System.nanoTime() - start) / 1e9));
        }
        template.comment(marker);
    }

    void dropReplayTemplate(Store.Kind kind) {
        store(kind, options.database("template")).drop();
    }

    /** W3 on a fresh clone of the template, with W5 (the packaged ledger's peak RSS) in full runs. */
    void replay(int round, Store.Kind kind) {
        if (!options.externalLedger()) {
            return; // the smoke run replays its in-process ledger's store instead
        }
        Store clone = store(kind, options.database("template")).cloneAs(options.database("replay"));
        Measurement reference = plainReader(clone);
        try (Ledger ledger = LedgerProcess.start(
                options, clone, options.ledgerProperties(), "w3-" + kind.name().toLowerCase() + "-" + round)) {
            ledger.awaitQuiet(QUIET_TIMEOUT);
            replays(round, ledger, reference);
            results.row(
                            "W5 peak RSS of ledger-app.jar",
                            clone.label(),
                            "during W3 (start-up and both replays)",
                            "MB",
                            Results.Goal.AT_MOST,
                            512,
                            "")
                    .measured
                    .put(round, Measurement.of(ledger.peakRssKb() / 1024.0));
        }
        clone.drop();
    }

    private Measurement plainReader(Store store) {
        long[] before = store.writes();
        PlainReader.Outcome plain = new PlainReader(store).run();
        Measurement reference = Measurement.throughput(
                plain.events() / plain.seconds(), plain.cpuNanos(), plain.pgCpuNanos(), plain.events());
        log.accept(String.format(
                "  W3 plain reader %s: %,.0f events/s (%,d upserts)",
                store.label(), reference.value(), plain.writes()));
        return store.isPostgres()
                ? withWrites(reference, store, before, plain.events())
                : reference.withoutPostgresCpu();
    }

    /** Adds what PostgreSQL counted since {@code before}: rows written per event and commits per 1,000 events. */
    private static Measurement withWrites(Measurement measurement, Store store, long[] before, long events) {
        Ledger.sleep(Store.STATISTICS_SETTLE.toMillis());
        long[] after = store.writes();
        return measurement
                .with("PG rows written/event", (after[1] - before[1]) / (double) events)
                .with("PG commits/1k events", (after[0] - before[0]) * 1000.0 / events);
    }

    /** Replays the HR view alone, then all five views, each until caught up again. */
    private void replays(int round, Ledger ledger, Measurement reference) {
        Store store = ledger.store();
        long events = store.isPostgres() || !options.externalLedger()
                ? store.count("SELECT COUNT(*) FROM DomainEventEntry")
                : options.replayEvents();
        for (List<String> projections : List.of(List.of("hr"), Views.NAMES)) {
            Measurement replay = replay(ledger, projections, events);
            String which = projections.size() == 1 ? "the HR view alone" : "all " + projections.size() + " views";
            Results.Row row = results.row(
                    "W3 replay, " + which,
                    store.label(),
                    String.format("%,d stored events", events),
                    "events/s",
                    projections.size() == 1 ? Results.Goal.NONE : Results.Goal.RATIO_AT_LEAST,
                    0.5,
                    "plain reader");
            row.measured.put(round, replay);
            row.reference.put(round, reference);
            log.accept(String.format("  W3 replay %s %s: %,.0f events/s", which, store.label(), replay.value()));
        }
    }

    /** Asks for the replays over the admin endpoint and waits until every one is caught up again. */
    private Measurement replay(Ledger ledger, List<String> projections, long events) {
        long[] writes = ledger.store().writes();
        long cpu = ledger.cpuNanos();
        long pgCpu = Cpu.postgresNanos();
        long start = System.nanoTime();
        for (String projection : projections) {
            HttpResponse<String> response =
                    ledger.http().post("admin-ada", "/api/v1/admin/projections/" + projection + "/replay", "");
            if (response.statusCode() != 202) {
                throw new IllegalStateException("replay of " + projection + " answered " + response.statusCode());
            }
        }
        long deadline = start + REPLAY_TIMEOUT.toNanos();
        while (!ledger.projectionsCaughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replay did not finish within " + REPLAY_TIMEOUT);
            }
            Ledger.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Measurement measurement = Measurement.throughput(
                        events / seconds, ledger.cpuNanos() - cpu, Cpu.postgresNanos() - pgCpu, events)
                .with("seconds", seconds);
        return ledger.store().isPostgres()
                ? withWrites(measurement, ledger.store(), writes, events)
                : measurement.withoutPostgresCpu();
    }

    // --- shared ---------------------------------------------------------------------------------

    private Results.Row record(
            int round,
            String workload,
            Store store,
            String load,
            String unit,
            double ratioTarget,
            int clients,
            Load.Outcome outcome,
            Measurement reference,
            String referenceName) {
        Results.Row row = results.row(
                workload,
                store.label(),
                load,
                unit,
                clients == 8 ? Results.Goal.RATIO_AT_LEAST : Results.Goal.NONE,
                ratioTarget,
                referenceName);
        row.measured.put(round, outcome.measurement(store.isPostgres()));
        if (reference != null) {
            row.reference.put(round, reference);
        }
        log.accept(String.format(
                "  %s %s %s: %,.0f %s%s",
                workload,
                store.label(),
                load,
                outcome.perSecond(),
                unit,
                outcome.errors() == 0
                        ? ""
                        : " (" + outcome.errors() + " errors, first: " + outcome.firstError() + ")"));
        return row;
    }

    private void quiet(Ledger ledger) {
        Duration took = ledger.awaitQuiet(QUIET_TIMEOUT);
        if (took.toMillis() > 1_000) {
            log.accept(
                    String.format("    (views and chain caught up %.1f s after the cell)", took.toMillis() / 1000.0));
        }
    }

    static void parallel(int count, IntConsumer task) {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(java.util.stream.IntStream.range(0, count)
                            .mapToObj(i -> CompletableFuture.runAsync(() -> task.accept(i), workers))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } finally {
            workers.shutdown();
        }
    }
}
