package coaching.ledger.bench;

import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical limit for appends: pgbench running one INSERT of an event-sized row per transaction
 * (the bytes of a real EngagementOpened and its metadata) into a table created by the ledger's own
 * migration, so it has DomainEventEntry's shape, keys and unique constraints.
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");

    private final BenchOptions options;
    private final Store store;
    private final Path script;

    Pgbench(BenchOptions options) {
        this.options = options;
        this.store = Store.postgres(options, options.database("pgbench"));
        this.script = options.workDirectory().resolve("pgbench-append.sql");
    }

    static boolean available() {
        try {
            return new ProcessBuilder("pgbench", "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A fresh table and the script; once per round. */
    void prepare() {
        store.recreateWithSchema();
        String engagementId = "eng-" + UUID.randomUUID().toString().substring(0, 18);
        StoredForm.Serialized payload = StoredForm.payload(new EngagementOpened(
                engagementId, "client-cara", "boss-ben", "hr-hana", Purpose.DEVELOPMENTAL, Urgency.NORMAL));
        byte[] metaData = StoredForm.metaData("hr-hana", "HR", UUID.randomUUID().toString());
        String sql = "\\set n random(1, 1000000000000)\n"
                + "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,"
                + " payload, payloadRevision, payloadType, timeStamp) VALUES ('eng-pgb-' || :client_id || '-' || :n, 0,"
                + " 'Engagement', gen_random_uuid()::text, '\\x"
                + HexFormat.of().formatHex(metaData) + "'::bytea, '\\x"
                + HexFormat.of().formatHex(payload.bytes()) + "'::bytea, '" + payload.revision() + "', '"
                + payload.type() + "', '" + Instant.now() + "');\n";
        try {
            Files.createDirectories(script.getParent());
            Files.writeString(script, sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void drop() {
        store.drop();
    }

    /** Transactions per second at this many clients, with pgbench's and the server's CPU. */
    Measurement run(int clients) {
        if (options.warmupSeconds() > 0) {
            pgbench(clients, "-T", String.valueOf((int) Math.ceil(options.warmupSeconds())));
        }
        long pgCpu = Cpu.postgresNanos();
        long clientCpu = Cpu.reapedChildrenNanos();
        String output = options.smoke()
                ? pgbench(clients, "-t", String.valueOf(Math.max(1, options.maxOpsPerCell() / clients)))
                : pgbench(clients, "-T", String.valueOf((int) Math.ceil(options.seconds())));
        clientCpu = Cpu.reapedChildrenNanos() - clientCpu;
        pgCpu = Cpu.postgresNanos() - pgCpu;
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        Matcher failed = FAILED.matcher(output);
        long failures = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        double rate = Double.parseDouble(tps.group(1));
        long operations = store.count("SELECT COUNT(*) FROM DomainEventEntry");
        store.execute("TRUNCATE DomainEventEntry");
        return Measurement.throughput(rate, clientCpu, pgCpu, operations).withErrors(failures);
    }

    private String pgbench(int clients, String limit, String amount) {
        String hostPort =
                options.postgresUrl().replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
        List<String> command = new ArrayList<>(List.of(
                "pgbench",
                "-n",
                "-M",
                "prepared",
                "-f",
                script.toString(),
                "-c",
                String.valueOf(clients),
                "-j",
                String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                limit,
                amount,
                "-h",
                host,
                "-p",
                port,
                "-U",
                options.postgresUser(),
                store.name()));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (!options.postgresPassword().isEmpty()) {
                builder.environment().put("PGPASSWORD", options.postgresPassword());
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
