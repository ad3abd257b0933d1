package coaching.ledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measurement of one round. {@code value} is what the table ranks (operations or events per
 * second, a p99 latency in ms, a peak RSS in MB); CPU is given per 1,000 operations, for the process
 * that did the work ({@code appCpuMs}) and for the PostgreSQL server ({@code pgCpuMs}, NaN on H2).
 */
record Measurement(double value, double appCpuMsPer1k, double pgCpuMsPer1k, long errors, Map<String, Double> extras) {

    static Measurement throughput(double perSecond, long appCpuNanos, long pgCpuNanos, long operations) {
        return new Measurement(
                perSecond,
                perThousand(appCpuNanos, operations),
                perThousand(pgCpuNanos, operations),
                0,
                new LinkedHashMap<>());
    }

    static Measurement of(double value) {
        return new Measurement(value, Double.NaN, Double.NaN, 0, new LinkedHashMap<>());
    }

    Measurement withErrors(long count) {
        return new Measurement(value, appCpuMsPer1k, pgCpuMsPer1k, count, extras);
    }

    Measurement with(String name, double extra) {
        Map<String, Double> more = new LinkedHashMap<>(extras);
        more.put(name, extra);
        return new Measurement(value, appCpuMsPer1k, pgCpuMsPer1k, errors, more);
    }

    Measurement withoutPostgresCpu() {
        return new Measurement(value, appCpuMsPer1k, Double.NaN, errors, extras);
    }

    double extra(String name) {
        return extras.getOrDefault(name, Double.NaN);
    }

    private static double perThousand(long nanos, long operations) {
        return nanos <= 0 || operations <= 0 ? Double.NaN : nanos / 1e6 / operations * 1_000;
    }
}
