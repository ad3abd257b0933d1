package coaching.ledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to run, from {@code --name=value} arguments (see bench/README.md). {@code --smoke} shrinks
 * everything to a few hundred events for the test suite: it proves the benchmark runs, nothing more.
 */
record BenchOptions(
        int rounds,
        double seconds,
        double warmupSeconds,
        List<Integer> clients,
        List<Store.Kind> databases,
        Set<String> workloads,
        int replayEvents,
        int hotEngagements,
        double queryRate,
        double lagSeconds,
        double lagRate,
        Path out,
        Path workDirectory,
        Path ledgerJar,
        List<String> ledgerJvmArgs,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        boolean smoke,
        boolean reseed,
        int maxOpsPerCell,
        Map<String, String> ledgerProperties,
        String databasePrefix,
        Soak.Plan soak) {

    /** The heap bench/README.md and docs/operations.md recommend for ledger-app; W5 measures the RSS it leads to. */
    static final String DEFAULT_LEDGER_JVM = "-Xmx256m";

    /** The soak is not among the defaults: it takes half an hour. */
    static final Set<String> ALL_WORKLOADS = Set.of("w1", "w1b", "w2", "w3", "w4", "w6", "w7", "soak");

    static BenchOptions parse(String... args) {
        Map<String, String> given = named(args);
        boolean smoke = Boolean.parseBoolean(given.getOrDefault("smoke", "false"));
        Path work = Path.of(given.getOrDefault("work", "bench/results/work"));
        BenchOptions options = new BenchOptions(
                Integer.parseInt(given.getOrDefault("rounds", smoke ? "1" : "3")),
                Double.parseDouble(given.getOrDefault("seconds", smoke ? "0.5" : "8")),
                Double.parseDouble(given.getOrDefault("warmup", smoke ? "0" : "3")),
                ints(given.getOrDefault("clients", smoke ? "1,4" : "1,8,32")),
                Arrays.stream(given.getOrDefault("db", smoke ? "h2" : "pg,h2").split(","))
                        .map(name -> name.strip().equals("pg") ? Store.Kind.POSTGRES : Store.Kind.H2)
                        .toList(),
                Set.copyOf(Arrays.asList(
                        given.getOrDefault("workloads", "w1,w1b,w2,w3,w4,w6").split(","))),
                Integer.parseInt(given.getOrDefault("replay-events", smoke ? "300" : "1000000")),
                Integer.parseInt(given.getOrDefault("hot", smoke ? "20" : "1000")),
                Double.parseDouble(given.getOrDefault("query-rate", smoke ? "20" : "10")),
                Double.parseDouble(given.getOrDefault("lag-seconds", smoke ? "1" : "15")),
                Double.parseDouble(given.getOrDefault("lag-rate", "0")),
                Path.of(given.getOrDefault("out", "bench/results/latest.md")),
                work,
                Path.of(given.getOrDefault("jar", "ledger-app/target/ledger-app.jar")),
                List.of(given.getOrDefault("ledger-jvm", DEFAULT_LEDGER_JVM).split(" ")),
                given.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/"),
                given.getOrDefault("pg-user", "postgres"),
                given.getOrDefault("pg-password", ""),
                smoke,
                Boolean.parseBoolean(given.getOrDefault("reseed", "false")),
                Integer.parseInt(given.getOrDefault("max-ops", smoke ? "100" : String.valueOf(Integer.MAX_VALUE))),
                properties(given.getOrDefault("ledger-props", "")),
                given.getOrDefault(
                        "db-prefix", smoke ? "ledger_smoke_" + Long.toHexString(System.nanoTime()) : "ledger_bench"),
                new Soak.Plan(
                        Duration.parse(given.getOrDefault("soak-duration", smoke ? "PT20S" : "PT30M")),
                        Double.parseDouble(given.getOrDefault("soak-rate", "0")),
                        Duration.parse(given.getOrDefault("soak-warmup", smoke ? "PT4S" : "PT5M")),
                        Duration.parse(given.getOrDefault("soak-sample", smoke ? "PT2S" : "PT1M")),
                        Duration.parse(given.getOrDefault("soak-window", smoke ? "PT8S" : "PT5M"))));
        for (String workload : options.workloads) {
            if (!ALL_WORKLOADS.contains(workload)) {
                throw new IllegalArgumentException("unknown workload " + workload + "; known: " + ALL_WORKLOADS);
            }
        }
        return options;
    }

    /** {@code --name=value} arguments by name; a bare {@code --name} is {@code true}. */
    static Map<String, String> named(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("arguments look like --name=value, not " + arg);
            }
            int equals = arg.indexOf('=');
            given.put(
                    equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                    equals < 0 ? "true" : arg.substring(equals + 1));
        }
        return given;
    }

    /** Whether any workload that runs in rounds (all but the soak) is asked for. */
    boolean runsRounds() {
        return workloads.stream().anyMatch(workload -> !workload.equals("soak"));
    }

    /** The packaged ledger runs as its own process (W1b, W3, W5, W6); the smoke run keeps everything in-process. */
    boolean externalLedger() {
        return !smoke;
    }

    /** A database name of this run: {@code <prefix>_<purpose>} (smoke runs use their own prefix, so they never collide). */
    String database(String purpose) {
        return databasePrefix + "_" + purpose;
    }

    boolean runs(String workload) {
        return workloads.contains(workload);
    }

    String describe() {
        return "rounds=" + rounds + " seconds=" + seconds + " warmup=" + warmupSeconds + " clients=" + clients
                + " db=" + databases.stream().map(Enum::name).collect(Collectors.joining(","))
                + " workloads=" + workloads.stream().sorted().collect(Collectors.joining(","))
                + (lagRate > 0 ? " lag-rate=" + lagRate : "") + " replay-events=" + replayEvents + " hot="
                + hotEngagements + " query-rate=" + queryRate
                + " ledger-jvm=" + String.join(" ", ledgerJvmArgs)
                + (ledgerProperties.isEmpty() ? "" : " ledger-props=" + ledgerProperties)
                + (runs("soak") ? " " + soak.describe() : "")
                + (smoke ? " SMOKE" : "");
    }

    /** {@code key=value;key=value}: Spring properties given to every ledger the bench starts (tuning experiments). */
    private static Map<String, String> properties(String list) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : list.split(";")) {
            if (!pair.isBlank()) {
                properties.put(
                        pair.substring(0, pair.indexOf('=')).strip(),
                        pair.substring(pair.indexOf('=') + 1).strip());
            }
        }
        return properties;
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
    }
}
