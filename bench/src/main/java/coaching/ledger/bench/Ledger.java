package coaching.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;

/** A running ledger (in this JVM or the packaged jar in its own process) and what is measured of it. */
interface Ledger extends AutoCloseable {

    ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    Http http();

    Store store();

    /** CPU time the ledger's process used so far. */
    long cpuNanos();

    /** Peak resident set size of the ledger's process so far (VmHWM), in kB. */
    long peakRssKb();

    String where();

    /** Resident set size of the ledger's process now (VmRSS), in kB. */
    long rssKb();

    /** Sockets the ledger's process holds open: with Tomcat's buffers per connection, a share of its heap. */
    long openSockets();

    /** Java heap in use now, in bytes. */
    long heapUsedBytes();

    /** Memory the JVM has committed for the heap (what of it the RSS can hold), in bytes. */
    long heapCommittedBytes();

    /** Memory the JVM has committed outside the heap (metaspace, code cache), in bytes. */
    long nonHeapCommittedBytes();

    /**
     * Forces a full garbage collection and answers the heap it left: the live set (the soak, once a
     * minute). As the collector reported it, not read again afterwards: at a few hundred commands a
     * second the young generation refills by tens of MB before a second reading arrives.
     */
    long liveHeapBytes();

    @Override
    void close();

    /** Every projection running, caught up and not replaying, per the admin endpoint. */
    default boolean projectionsCaughtUp() {
        HttpResponse<String> response = http().get("admin-ada", "/api/v1/admin/projections");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "projection status answered " + response.statusCode() + ": " + response.body());
        }
        try {
            for (JsonNode projection : JSON.readTree(response.body())) {
                if (!projection.path("running").asBoolean()
                        || !projection.path("caughtUp").asBoolean()
                        || projection.path("replaying").asBoolean()) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the views and the chain sealer have nothing left to do; answers how long that took. */
    default Duration awaitQuiet(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (projectionsCaughtUp() && chainSealed()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep(100);
        }
        throw new IllegalStateException("the ledger did not catch up within " + timeout);
    }

    /** Whether the hash chain covers every stored event; true where the bench cannot look (H2 owned by another process). */
    boolean chainSealed();

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
