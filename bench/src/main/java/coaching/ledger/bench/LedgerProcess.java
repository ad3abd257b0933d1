package coaching.ledger.bench;

import coaching.ledger.platform.testing.PackagedJar;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged ledger-app.jar as its own process: what an operator runs, measured from /proc. */
final class LedgerProcess implements Ledger {

    private final Store store;
    private final PackagedJar jar;
    private final Http http;

    private LedgerProcess(Store store, PackagedJar jar) {
        this.store = store;
        this.jar = jar;
        this.http = new Http(jar.baseUrl());
    }

    static LedgerProcess start(BenchOptions options, Store store, Map<String, String> properties, String logName) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + store.url(),
                "--spring.datasource.username=" + store.user(),
                "--spring.datasource.password=" + store.password(),
                "--logging.level.root=WARN"));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        PackagedJar jar = PackagedJar.start("ledger-app", options.ledgerJar(), options.ledgerJvmArgs(), args,
                options.workDirectory().resolve("logs").resolve(logName + ".log"));
        return new LedgerProcess(store, jar.awaitHealthy(Duration.ofMinutes(3)));
    }

    @Override
    public boolean chainSealed() {
        if (!store.isPostgres()) {
            return true; // the process owns the H2 file
        }
        try (Connection connection = store.connect(); Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT COALESCE(MAX(globalIndex), 0) - (SELECT lastIndex FROM event_chain_head"
                    + " WHERE id = 1) FROM DomainEventEntry");
            rows.next();
            return rows.getLong(1) <= 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Http http() {
        return http;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public long cpuNanos() {
        return Cpu.processNanos(jar.pid());
    }

    @Override
    public long peakRssKb() {
        return Cpu.peakRssKb(jar.pid());
    }

    @Override
    public String where() {
        return "ledger-app.jar";
    }

    /** Stops it the way an operator does (SIGTERM, graceful: processors release their token claims). */
    @Override
    public void close() {
        jar.close();
    }
}
