package coaching.ledger.deployment;

import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.PackagedJar;
import coaching.ledger.platform.testing.SharedFingerprintKey;
import coaching.ledger.platform.testing.TestDatabases;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One packaged service (command-service.jar or query-service.jar) running as a child process on a
 * PostgreSQL schema, as an operator would run it. Its output goes to target/&lt;name&gt;.log.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final PackagedJar jar;

    private ServiceProcess(PackagedJar jar) {
        this.jar = jar;
    }

    static ServiceProcess command(String name, String schema) {
        return start(name, System.getProperty("command.jar"), schema);
    }

    static ServiceProcess query(String name, String schema) {
        return start(name, System.getProperty("query.jar"), schema);
    }

    private static ServiceProcess start(String name, String jar, String schema) {
        return new ServiceProcess(PackagedJar.start(
                name,
                Path.of(jar),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                // the services have no users of their own: the tests sign in as the demo users
                List.of(
                        "--spring.profiles.active=postgres,demo",
                        "--spring.datasource.url=" + TestDatabases.postgresUrl() + "?currentSchema=" + schema,
                        "--spring.datasource.username=" + TestDatabases.postgresUser(),
                        "--spring.datasource.password=" + TestDatabases.postgresPassword(),
                        SharedFingerprintKey.argument()),
                Path.of("target", name + ".log")));
    }

    /** Waits until every given service answers its health check. */
    static void awaitHealthy(List<ServiceProcess> services) {
        services.forEach(service -> service.jar.awaitHealthy(START_TIMEOUT));
    }

    LedgerHttp http() {
        return new LedgerHttp(jar.port());
    }

    /** The token store's owner name of this process's claims (Axon's default: pid@host). */
    String tokenOwnerPrefix() {
        return jar.pid() + "@";
    }

    /** Ends the process the hard way: no shutdown hooks, claims stay in the token store until they expire. */
    void kill() {
        jar.kill();
    }

    @Override
    public void close() {
        jar.close();
    }
}
