package coaching.ledger.bench;

import coaching.ledger.platform.audit.ChainHash;
import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.audit.LeafRecord;
import coaching.ledger.platform.audit.LogTree;
import coaching.ledger.platform.audit.StoredEvent;
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.InMemoryTileStore;
import coaching.ledger.platform.audit.tlog.Merkle;
import coaching.ledger.platform.audit.tlog.MerkleFrontier;
import coaching.ledger.platform.audit.tlog.NoteException;
import coaching.ledger.platform.audit.tlog.NoteSigner;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import coaching.ledger.platform.audit.tlog.TileStore;
import coaching.ledger.platform.audit.tlog.TiledTree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * What the signed log costs: the Merkle leaf and the tree's upkeep per event beside the hash chain's
 * cost in the same run (the reference), one Ed25519 signature per checkpoint, the sealer's whole round
 * on a real database, and proofs in a tree of a million leaves. CPU figures are this thread's CPU time,
 * as in {@link SealingCost}; proofs and the sealer are also timed on the wall clock.
 *
 * <p>{@code java -jar ledger-bench.jar log-cost [--events=1000000] [--trials=5] [--seal-events=20000]
 * [--postgres]}: the events are the W3 seed history ({@link ReplaySeed}) as stored, read back from an H2
 * file; {@code --postgres} also seals them on the local server, in a fresh schema of database {@code test}.
 */
final class LogCost {

    /** The sealer appends what arrived in its 0.2 s round, up to 500 events. */
    static final int[] BATCHES = {1, 10, 50, 500};

    static final double TARGET_MICROS_PER_EVENT = 5.0;

    /** Events per second at which a signature's share per event is shown: a trickle, W1b and W1 rates. */
    static final int[] RATES = {1, 300, 3_000};

    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    private static final String ORIGIN = "localhost/engagement-ledger";
    private static final String POSTGRES_SCHEMA = "bench_log_cost";
    private static final int SEALER_BATCH = 500;
    private static final int SIGNATURES_PER_TRIAL = 500;
    private static final int PROOFS_PER_TRIAL = 1_000;

    /** What to measure: tree size for proofs, trials, events per CPU trial and sealed, warm-up, PostgreSQL too. */
    record Plan(int treeEvents, int trials, int sealEvents, Duration warmup, boolean postgres, BenchOptions options) {}

    private final Plan plan;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    LogCost(Plan plan) {
        this.plan = plan;
    }

    public static void main(String[] args) {
        Map<String, String> given = BenchOptions.named(args);
        Plan plan = new Plan(
                Integer.parseInt(given.getOrDefault("events", "1000000")),
                Integer.parseInt(given.getOrDefault("trials", "5")),
                Integer.parseInt(given.getOrDefault("seal-events", "20000")),
                Duration.ofSeconds(3),
                Boolean.parseBoolean(given.getOrDefault("postgres", "false")),
                BenchOptions.parse(args));
        System.out.println(new LogCost(plan).run());
    }

    String run() {
        String loadBefore = Cpu.loadAverage();
        Store h2 = Store.h2(plan.options(), "log_cost").recreateWithSchema();
        seed(h2);
        List<StoredEvent> events = storedEvents(h2);
        Bench.log(String.format("log-cost: %,d stored events; CPU trials", events.size()));
        PerEvent perEvent = perEvent(events);
        List<Sealing> sealings = new ArrayList<>();
        Bench.log("log-cost: sealing on H2");
        sealings.add(seal(h2));
        h2.drop();
        if (plan.postgres()) {
            Bench.log("log-cost: sealing on PostgreSQL");
            sealings.add(sealOnPostgres());
        }
        Bench.log(String.format("log-cost: a tree of %,d leaves; proofs", plan.treeEvents()));
        Proofs proofs = proofs(events);
        String load = loadBefore + " → " + Cpu.loadAverage();
        return report(new History(events), load, perEvent, sealings, proofs);
    }

    // --- CPU per event and per signature -------------------------------------------------------------

    /** Per trial, µs of CPU per event (chain, leaf, upkeep by batch size) and per signature and verification. */
    record PerEvent(
            List<Double> chain,
            List<Double> leaf,
            Map<Integer, List<Double>> upkeep,
            List<Double> sign,
            List<Double> verify) {

        /** Leaf + upkeep of each trial. */
        List<Double> total(int batch) {
            List<Double> totals = new ArrayList<>();
            for (int trial = 0; trial < leaf.size(); trial++) {
                totals.add(leaf.get(trial) + upkeep.get(batch).get(trial));
            }
            return totals;
        }

        /** Leaf + upkeep ÷ the chain, paired by trial. */
        List<Double> multipleOfChain(int batch) {
            List<Double> totals = total(batch);
            List<Double> multiples = new ArrayList<>();
            for (int trial = 0; trial < totals.size(); trial++) {
                multiples.add(totals.get(trial) / chain.get(trial));
            }
            return multiples;
        }
    }

    private PerEvent perEvent(List<StoredEvent> events) {
        List<byte[]> leaves = events.stream().map(LogCost::leafHash).toList();
        Map<Integer, Tree> trees = new TreeMap<>();
        for (int batch : BATCHES) {
            trees.put(batch, new Tree(new TiledTree(new InMemoryTileStore())));
        }
        NoteSigner signer = NoteSigner.generate(ORIGIN);
        NoteVerifier verifier = NoteVerifier.parse(signer.verifierKey());
        long warmUntil = System.nanoTime() + plan.warmup().toNanos();
        while (System.nanoTime() < warmUntil) {
            chain(events);
            leaves(events);
            trees.forEach((batch, tree) -> tree.append(leaves, batch));
            signatures(signer, verifier, trees.get(BATCHES[0]).checkpoint());
        }
        PerEvent perEvent = new PerEvent(
                new ArrayList<>(), new ArrayList<>(), new TreeMap<>(), new ArrayList<>(), new ArrayList<>());
        for (int trial = 0; trial < plan.trials(); trial++) {
            perEvent.chain().add(chain(events));
            perEvent.leaf().add(leaves(events));
            for (int batch : BATCHES) {
                double micros = trees.get(batch).append(leaves, batch);
                perEvent.upkeep().computeIfAbsent(batch, b -> new ArrayList<>()).add(micros);
            }
            double[] signing =
                    signatures(signer, verifier, trees.get(BATCHES[0]).checkpoint());
            perEvent.sign().add(signing[0]);
            perEvent.verify().add(signing[1]);
        }
        return perEvent;
    }

    /** µs of CPU per event for the hash chain as the sealer links it: the event's hash, its stream link and the chain link. */
    private double chain(List<StoredEvent> events) {
        long start = cpuNanos();
        String stream = ChainHash.GENESIS;
        String chain = ChainHash.GENESIS;
        for (StoredEvent event : events) {
            String hash = ChainHash.of(event);
            stream = ChainHash.link(stream, hash);
            chain = ChainHash.link(chain, hash);
        }
        return perItem(start, events.size(), stream.length() + chain.length());
    }

    /** µs of CPU per event for its leaf: the canonical leaf record and its RFC 9162 leaf hash. */
    private double leaves(List<StoredEvent> events) {
        long start = cpuNanos();
        int sink = 0;
        for (StoredEvent event : events) {
            sink += leafHash(event)[0];
        }
        return perItem(start, events.size(), sink | 1);
    }

    /** µs of CPU per signature and per verification of a checkpoint note. */
    private double[] signatures(NoteSigner signer, NoteVerifier verifier, Checkpoint checkpoint) {
        long start = cpuNanos();
        String note = "";
        for (int i = 0; i < SIGNATURES_PER_TRIAL; i++) {
            note = signer.sign(checkpoint.body());
        }
        double sign = perItem(start, SIGNATURES_PER_TRIAL, note.length());
        start = cpuNanos();
        int sink = 0;
        try {
            for (int i = 0; i < SIGNATURES_PER_TRIAL; i++) {
                sink += verifier.verify(note).length();
            }
        } catch (NoteException e) {
            throw new IllegalStateException("a checkpoint just signed does not verify", e);
        }
        return new double[] {sign, perItem(start, SIGNATURES_PER_TRIAL, sink)};
    }

    /**
     * A growing tree in memory, extended in batches as the sealer's {@code LogTree} extends it: the leaves into
     * the tiles, the root from the frontier the previous round left (copied per round, as a round may roll back).
     */
    private final class Tree {
        private final TiledTree tree;
        private MerkleFrontier frontier = new MerkleFrontier();
        private long size;
        private byte[] root = Merkle.emptyRoot();

        Tree(TiledTree tree) {
            this.tree = tree;
        }

        /** Appends all leaves in batches; answers µs of CPU per leaf, each append's root included. */
        double append(List<byte[]> leaves, int batch) {
            long start = cpuNanos();
            for (int from = 0; from < leaves.size(); from += batch) {
                List<byte[]> appended = leaves.subList(from, Math.min(leaves.size(), from + batch));
                MerkleFrontier grown = frontier.copy();
                tree.appendLeaves(size, appended);
                appended.forEach(grown::append);
                root = grown.root();
                frontier = grown;
                size += appended.size();
            }
            return perItem(start, leaves.size(), root[0] | 1);
        }

        Checkpoint checkpoint() {
            return new Checkpoint(ORIGIN, size, root);
        }
    }

    // --- the sealer on a database --------------------------------------------------------------------

    /** One run of the sealer over the seeded events: wall and thread-CPU µs per event, tiles it wrote. */
    record Sealing(String store, int events, double wallMicros, double cpuMicros, long tiles) {}

    private void seed(Store store) {
        try (Connection connection = store.connect()) {
            ReplaySeed.writeUnsealed(connection, plan.sealEvents());
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        }
    }

    private static List<StoredEvent> storedEvents(Store store) {
        SingleConnectionDataSource dataSource = dataSource(store);
        try {
            return new JdbcTemplate(dataSource)
                    .query(
                            "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex",
                            (row, n) -> StoredEvent.read(row));
        } finally {
            dataSource.destroy();
        }
    }

    /** The ledger's sealer in full rounds of 500 (its most favourable batch), over one connection as a pool lends it. */
    private Sealing seal(Store store) {
        SingleConnectionDataSource dataSource = dataSource(store);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            EventChainSealer sealer = new EventChainSealer(
                    jdbc,
                    new DataSourceTransactionManager(dataSource),
                    new LogTree(jdbc, StoredForm.MAPPER),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(10),
                    SEALER_BATCH);
            long wall = System.nanoTime();
            long cpu = cpuNanos();
            int sealed = sealer.sealAvailable();
            double cpuMicros = (cpuNanos() - cpu) / 1_000.0 / sealed;
            double wallMicros = (System.nanoTime() - wall) / 1_000.0 / sealed;
            if (sealed != plan.sealEvents()) {
                throw new IllegalStateException("sealed " + sealed + " of " + plan.sealEvents() + " events");
            }
            return new Sealing(
                    store.label(), sealed, wallMicros, cpuMicros, store.count("SELECT COUNT(*) FROM merkle_tile"));
        } finally {
            dataSource.destroy();
        }
    }

    /** On the shared database {@code test}, in a schema of its own, dropped afterwards. */
    private Sealing sealOnPostgres() {
        BenchOptions options = plan.options();
        String url = options.postgresUrl() + "test";
        Store database = new Store(
                Store.Kind.POSTGRES, "test", url, options.postgresUser(), options.postgresPassword(), options);
        database.execute("DROP SCHEMA IF EXISTS " + POSTGRES_SCHEMA + " CASCADE", "CREATE SCHEMA " + POSTGRES_SCHEMA);
        try {
            Store schema = new Store(
                    Store.Kind.POSTGRES,
                    "test",
                    url + "?currentSchema=" + POSTGRES_SCHEMA,
                    options.postgresUser(),
                    options.postgresPassword(),
                    options);
            schema.migrate();
            seed(schema);
            return seal(schema);
        } finally {
            database.execute("DROP SCHEMA IF EXISTS " + POSTGRES_SCHEMA + " CASCADE");
        }
    }

    private static SingleConnectionDataSource dataSource(Store store) {
        return new SingleConnectionDataSource(store.url(), store.user(), store.password(), true);
    }

    // --- proofs in a large tree ----------------------------------------------------------------------

    /**
     * The tree of {@code treeEvents} leaves: its build and size, and per trial the median and p99 µs of
     * proving and verifying; proof sizes and tile reads over all trials.
     */
    record Proofs(
            long leaves,
            double buildSeconds,
            double buildCpuMicrosPerLeaf,
            int tiles,
            long tileBytes,
            ProofCost inclusion,
            ProofCost consistency) {}

    record ProofCost(
            List<Double> proveMedian,
            List<Double> proveP99,
            List<Double> verifyMedian,
            List<Double> verifyP99,
            List<Long> hashes,
            List<Long> tileReads) {

        static ProofCost empty() {
            return new ProofCost(
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    private Proofs proofs(List<StoredEvent> history) {
        int size = plan.treeEvents();
        List<byte[]> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(leafHash(renumbered(history.get(i % history.size()), i + 1)));
        }
        CountingTileStore store = new CountingTileStore();
        TiledTree tree = new TiledTree(store);
        long wall = System.nanoTime();
        long cpu = cpuNanos();
        for (int from = 0; from < size; from += SEALER_BATCH) {
            tree.append(from, leaves.subList(from, Math.min(size, from + SEALER_BATCH)));
        }
        double buildCpu = (cpuNanos() - cpu) / 1_000.0 / size;
        double buildSeconds = (System.nanoTime() - wall) / 1e9;
        byte[] root = tree.root(size);
        ProofCost inclusion = ProofCost.empty();
        ProofCost consistency = ProofCost.empty();
        for (int trial = 0; trial < plan.trials(); trial++) {
            Random random = new Random(trial);
            List<Timed> included = new ArrayList<>();
            List<Timed> consistent = new ArrayList<>();
            for (int i = 0; i < PROOFS_PER_TRIAL; i++) {
                long index = random.nextInt(size);
                included.add(timed(
                        store,
                        () -> tree.inclusionProof(index, size),
                        proof -> Merkle.verifyInclusion(index, size, leaves.get((int) index), proof, root)));
                long first = 1 + random.nextInt(size);
                long second = 1 + random.nextInt(size);
                long size1 = Math.min(first, second);
                long size2 = Math.max(first, second);
                byte[] root1 = tree.root(size1);
                byte[] root2 = tree.root(size2);
                consistent.add(timed(
                        store,
                        () -> tree.consistencyProof(size1, size2),
                        proof -> Merkle.verifyConsistency(size1, size2, proof, root1, root2)));
            }
            add(inclusion, included);
            add(consistency, consistent);
        }
        return new Proofs(size, buildSeconds, buildCpu, store.tileCount(), store.bytes(), inclusion, consistency);
    }

    /** One proof: µs to make it and to verify it, its hashes and the tiles it read. */
    private record Timed(double proveMicros, double verifyMicros, int hashes, long tileReads) {}

    private static Timed timed(CountingTileStore store, Supplier<List<byte[]>> prove, Predicate<List<byte[]>> verify) {
        long reads = store.reads();
        long start = System.nanoTime();
        List<byte[]> proof = prove.get();
        long proved = System.nanoTime();
        long tileReads = store.reads() - reads;
        boolean valid = verify.test(proof);
        long verified = System.nanoTime();
        if (!valid) {
            throw new IllegalStateException("a proof of the tree does not verify");
        }
        return new Timed((proved - start) / 1_000.0, (verified - proved) / 1_000.0, proof.size(), tileReads);
    }

    private static void add(ProofCost cost, List<Timed> proofs) {
        cost.proveMedian().add(percentile(proofs, Timed::proveMicros, 0.5));
        cost.proveP99().add(percentile(proofs, Timed::proveMicros, 0.99));
        cost.verifyMedian().add(percentile(proofs, Timed::verifyMicros, 0.5));
        cost.verifyP99().add(percentile(proofs, Timed::verifyMicros, 0.99));
        proofs.forEach(proof -> {
            cost.hashes().add((long) proof.hashes());
            cost.tileReads().add(proof.tileReads());
        });
    }

    private static double percentile(List<Timed> proofs, ToDoubleFunction<Timed> value, double fraction) {
        double[] sorted = proofs.stream().mapToDouble(value).sorted().toArray();
        return sorted[(int) Math.ceil(fraction * sorted.length) - 1];
    }

    /** An {@link InMemoryTileStore} that counts reads and knows the stored tiles' sizes. */
    private static final class CountingTileStore implements TileStore {
        private final InMemoryTileStore tiles = new InMemoryTileStore();
        private final Map<Long, Integer> sizes = new HashMap<>();
        private long reads;

        @Override
        public byte[] read(int level, long index) {
            reads++;
            return tiles.read(level, index);
        }

        @Override
        public void write(int level, long index, byte[] hashes) {
            // a tile-level holds fewer than 2^56 tiles: level and index fit one key
            sizes.put(((long) level << 56) | index, hashes.length);
            tiles.write(level, index, hashes);
        }

        long reads() {
            return reads;
        }

        int tileCount() {
            return tiles.tileCount();
        }

        long bytes() {
            return sizes.values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    // --- helpers and the report ----------------------------------------------------------------------

    private static byte[] leafHash(StoredEvent event) {
        return Merkle.leafHash(LeafRecord.of(event, StoredForm.MAPPER));
    }

    /** The same stored event at another global index: the big tree's leaves differ as a history's do. */
    private static StoredEvent renumbered(StoredEvent event, long globalIndex) {
        return new StoredEvent(
                globalIndex,
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.type(),
                event.timeStamp(),
                event.payloadType(),
                event.payloadRevision(),
                event.payload(),
                event.metaData());
    }

    private long cpuNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    private double perItem(long startNanos, int items, int sink) {
        if (sink == 0) {
            throw new IllegalStateException("nothing was computed");
        }
        return (cpuNanos() - startNanos) / 1_000.0 / items;
    }

    /** The events measured: how many, their types and their stored size. */
    record History(int events, Map<String, Long> types, double payloadBytes, double metaDataBytes) {

        History(List<StoredEvent> events) {
            this(
                    events.size(),
                    counts(events),
                    events.stream()
                            .mapToInt(event -> event.payload().length)
                            .average()
                            .orElse(0),
                    events.stream()
                            .mapToInt(event -> event.metaData().length)
                            .average()
                            .orElse(0));
        }

        private static Map<String, Long> counts(List<StoredEvent> events) {
            Map<String, Long> types = new TreeMap<>();
            events.forEach(event -> types.merge(event.simpleType(), 1L, Long::sum));
            return types;
        }
    }

    String report(History history, String load, PerEvent perEvent, List<Sealing> sealings, Proofs proofs) {
        StringBuilder report = new StringBuilder();
        report.append("## Cost of the signed log (median of the trials (min–max))\n\n");
        report.append("Machine: ").append(Machine.describe(plan.options())).append("\n\n");
        report.append(String.format(
                Locale.ROOT,
                "Events: %,d stored events of the W3 seed history, payload %.0f and metadata %.0f bytes on average (",
                history.events(),
                history.payloadBytes(),
                history.metaDataBytes()));
        List<String> mix = new ArrayList<>();
        history.types().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(type -> mix.add(String.format(
                        Locale.ROOT, "%s %.0f %%", type.getKey(), 100.0 * type.getValue() / history.events())));
        report.append(String.join(", ", mix))
                .append("); ")
                .append(plan.trials())
                .append(" trials. Load average (1/5/15 min) at the start → end: ")
                .append(load)
                .append(".\n\n");

        report.append("### CPU µs per event (this thread's CPU time)\n\n");
        report.append("| step | µs per event |\n|---|---|\n");
        report.append("| reference: hash chain (ChainHash.of + 2 × ChainHash.link) | ")
                .append(Results.spreadOf(perEvent.chain()))
                .append(" |\n");
        report.append("| leaf: Merkle.leafHash(LeafRecord.of(event)) | ")
                .append(Results.spreadOf(perEvent.leaf()))
                .append(" |\n");
        for (int batch : BATCHES) {
            report.append("| upkeep: tiles (TiledTree.appendLeaves) and root (frontier) in batches of ")
                    .append(batch)
                    .append(", root included | ")
                    .append(Results.spreadOf(perEvent.upkeep().get(batch)))
                    .append(" |\n");
        }
        report.append("\n| batch | leaf + upkeep µs per event | target ≤ ")
                .append(Results.number(TARGET_MICROS_PER_EVENT))
                .append(" µs | holds | × hash chain (paired by trial) |\n|---|---|---|---|---|\n");
        for (int batch : BATCHES) {
            List<Double> total = perEvent.total(batch);
            report.append("| ")
                    .append(batch)
                    .append(" | ")
                    .append(Results.spreadOf(total))
                    .append(" | ≤ ")
                    .append(Results.number(TARGET_MICROS_PER_EVENT))
                    .append(" | ")
                    .append(Results.median(total) <= TARGET_MICROS_PER_EVENT ? "**yes**" : "**no**")
                    .append(" | ")
                    .append(Results.spreadOf(perEvent.multipleOfChain(batch)))
                    .append("× |\n");
        }

        report.append("\n### Signing checkpoints (Ed25519, CPU µs)\n\n");
        report.append("| operation | µs |\n|---|---|\n");
        report.append("| NoteSigner.sign of a checkpoint body | ")
                .append(Results.spreadOf(perEvent.sign()))
                .append(" |\n");
        report.append("| NoteVerifier.verify of the signed note | ")
                .append(Results.spreadOf(perEvent.verify()))
                .append(" |\n");
        double sign = Results.median(perEvent.sign());
        report.append("\n| events/s | one signature per | signing µs per event |\n|---|---|---|\n");
        for (int rate : RATES) {
            long perCheckpoint = rate * CHECKPOINT_INTERVAL.toSeconds();
            report.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d events (one checkpoint per %d s) | %s |%n",
                    rate,
                    perCheckpoint,
                    CHECKPOINT_INTERVAL.toSeconds(),
                    Results.number(sign / perCheckpoint)));
        }

        report.append("\n### The sealer's whole round (chain + tree + tile writes), once, rounds of ")
                .append(SEALER_BATCH)
                .append(" events\n\n");
        report.append(
                "| store | events sealed | wall µs per event | sealing thread's CPU µs per event | tiles stored |\n");
        report.append("|---|---|---|---|---|\n");
        for (Sealing sealing : sealings) {
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %s | %s | %,d |%n",
                    sealing.store(),
                    sealing.events(),
                    Results.number(sealing.wallMicros()),
                    Results.number(sealing.cpuMicros()),
                    sealing.tiles()));
        }

        report.append(String.format(
                Locale.ROOT,
                "%n### Proofs in a tree of %,d leaves (InMemoryTileStore)%n%n"
                        + "Built in batches of %d in %.1f s (%s CPU µs per leaf, leaf hashes computed beforehand):"
                        + " %,d tiles, %,d bytes (%.1f MB).%n%n",
                proofs.leaves(),
                SEALER_BATCH,
                proofs.buildSeconds(),
                Results.number(proofs.buildCpuMicrosPerLeaf()),
                proofs.tiles(),
                proofs.tileBytes(),
                proofs.tileBytes() / 1e6));
        report.append(String.format(
                Locale.ROOT,
                "Per trial %,d proofs at random indexes or between random sizes; wall µs, median and p99 of each trial.%n%n",
                PROOFS_PER_TRIAL));
        report.append("| proof | make, median µs | make, p99 µs | verify, median µs | verify, p99 µs"
                + " | hashes median (max) | bytes max | tile reads median (max) |\n");
        report.append("|---|---|---|---|---|---|---|---|\n");
        proofRow(report, "inclusion", proofs.inclusion());
        proofRow(report, "consistency", proofs.consistency());
        return report.toString();
    }

    private static void proofRow(StringBuilder report, String name, ProofCost cost) {
        report.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %,d | %s |%n",
                name,
                Results.spreadOf(cost.proveMedian()),
                Results.spreadOf(cost.proveP99()),
                Results.spreadOf(cost.verifyMedian()),
                Results.spreadOf(cost.verifyP99()),
                medianAndMax(cost.hashes()),
                max(cost.hashes()) * Merkle.HASH_SIZE,
                medianAndMax(cost.tileReads())));
    }

    private static String medianAndMax(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2] + " (" + sorted[sorted.length - 1] + ")";
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
