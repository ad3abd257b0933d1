package coaching.ledger.bench;

import coaching.ledger.platform.LedgerPlatform;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ledger assembled exactly as ledger-app assembles it (both sides, every view, the chain sealer,
 * its web server on a free port) inside the bench's JVM, so commands go straight to the gateway.
 */
final class InProcessLedger implements Ledger {

    /** The same assembly as coaching.ledger.app.LedgerApplication. */
    @SpringBootApplication(
            scanBasePackages = {"coaching.ledger.platform", "coaching.ledger.command", "coaching.ledger.query"})
    static class Assembly {}

    private final Store store;
    private final ConfigurableApplicationContext context;
    private final Http http;

    private InProcessLedger(Store store, ConfigurableApplicationContext context) {
        this.store = store;
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = new Http("http://127.0.0.1:" + port);
    }

    static InProcessLedger start(Store store, Map<String, String> properties) {
        LedgerPlatform.keepAxonFromPhoningHome();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + store.url(),
                "--spring.datasource.username=" + store.user(),
                "--spring.datasource.password=" + store.password(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.application.name=engagement-ledger-bench",
                // as ledger-app's application.properties
                "--spring.profiles.active=demo",
                "--ledger.projections.segments=1"));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        SpringApplication application = new SpringApplicationBuilder(Assembly.class)
                .logStartupInfo(false)
                .build();
        return new InProcessLedger(store, application.run(args.toArray(String[]::new)));
    }

    CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    /** Commands sent from this thread act as the given demo user (what HTTP Basic would establish). */
    static void actAs(String user, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    @Override
    public boolean chainSealed() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long unsealed = jdbc.queryForObject(
                "SELECT COALESCE(MAX(globalIndex), 0) - (SELECT lastIndex FROM event_chain_head"
                        + " WHERE id = 1) FROM DomainEventEntry",
                Long.class);
        return unsealed != null && unsealed <= 0;
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
        return Cpu.jvmNanos();
    }

    @Override
    public long peakRssKb() {
        return Cpu.peakRssKb(ProcessHandle.current().pid());
    }

    @Override
    public long openSockets() {
        return Cpu.openSockets(ProcessHandle.current().pid());
    }

    @Override
    public long rssKb() {
        return Cpu.rssKb(ProcessHandle.current().pid());
    }

    /** The bench's own heap, load driver included: a smoke run's figure, not the ledger's. */
    @Override
    public long heapUsedBytes() {
        return java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage()
                .getUsed();
    }

    @Override
    public long heapCommittedBytes() {
        return java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage()
                .getCommitted();
    }

    @Override
    public long nonHeapCommittedBytes() {
        return java.lang.management.ManagementFactory.getMemoryMXBean()
                .getNonHeapMemoryUsage()
                .getCommitted();
    }

    /** Every heap pool's usage after its last collection, which {@code System.gc()} makes a full one. */
    @Override
    public long liveHeapBytes() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool ->
                        pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed())
                .sum();
    }

    @Override
    public String where() {
        return "in-process";
    }

    @Override
    public void close() {
        context.close();
    }
}
