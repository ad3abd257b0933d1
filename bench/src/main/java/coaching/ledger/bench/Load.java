package coaching.ledger.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/** Load generators: closed loop (N clients, each waits for its answer) and open loop (fixed rate by intended start). */
final class Load {

    private Load() {}

    /** One client's operation; {@code sequence} is unique across clients. Throws to count an error. */
    interface Operation {
        void run(long sequence) throws Exception;
    }

    record Outcome(long operations, double seconds, long cpuNanos, long pgCpuNanos, long errors, String firstError) {

        double perSecond() {
            return operations / seconds;
        }

        Measurement measurement(boolean postgres) {
            Measurement measurement = Measurement.throughput(perSecond(), cpuNanos, pgCpuNanos, operations)
                    .withErrors(errors);
            return postgres ? measurement : measurement.withoutPostgresCpu();
        }
    }

    private enum Phase {
        WARMUP,
        MEASURE,
        STOP
    }

    /**
     * {@code clients} threads run operations back to back; only operations that complete inside the
     * measured window (after the warm-up) count. With {@code maxOperations} (smoke runs) each client
     * stops after its share and the window ends when all have.
     */
    static Outcome closedLoop(
            int clients,
            double warmupSeconds,
            double seconds,
            int maxOperations,
            IntFunction<Operation> clientFactory,
            LongSupplier cpu) {
        return closedLoop(clients, warmupSeconds, seconds, maxOperations, clientFactory, cpu, null);
    }

    /** As above; each operation that completes inside the measured window also goes into {@code latencies} (µs). */
    static Outcome closedLoop(
            int clients,
            double warmupSeconds,
            double seconds,
            int maxOperations,
            IntFunction<Operation> clientFactory,
            LongSupplier cpu,
            Histogram latencies) {
        AtomicReference<Phase> phase = new AtomicReference<>(warmupSeconds > 0 ? Phase.WARMUP : Phase.MEASURE);
        AtomicLong sequence = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long perClient = maxOperations == Integer.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, maxOperations / clients);
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            Operation operation = clientFactory.apply(client);
            Thread thread = new Thread(
                    () -> {
                        long done = 0;
                        while (phase.get() != Phase.STOP && done < perClient) {
                            try {
                                long started = System.nanoTime();
                                operation.run(sequence.getAndIncrement());
                                if (phase.get() == Phase.MEASURE) {
                                    if (latencies != null) {
                                        latencies.recordValue((System.nanoTime() - started) / 1_000);
                                    }
                                    measured.incrementAndGet();
                                    done++;
                                }
                            } catch (Exception | AssertionError e) {
                                if (phase.get() == Phase.MEASURE) {
                                    errors.incrementAndGet();
                                    done++;
                                }
                                firstError.compareAndSet(null, e.toString());
                            }
                        }
                    },
                    "bench-client-" + client);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        sleep(warmupSeconds);
        long cpu0 = cpu.getAsLong();
        long pg0 = Cpu.postgresNanos();
        long start = System.nanoTime();
        phase.set(Phase.MEASURE);
        if (perClient == Long.MAX_VALUE) {
            sleep(seconds);
            phase.set(Phase.STOP);
        } else {
            threads.forEach(Load::join);
        }
        long elapsed = System.nanoTime() - start;
        long cpuUsed = cpu.getAsLong() - cpu0;
        long pgUsed = Cpu.postgresNanos() - pg0;
        long operations = measured.get();
        threads.forEach(Load::join);
        return new Outcome(operations, elapsed / 1e9, cpuUsed, pgUsed, errors.get(), firstError.get());
    }

    /**
     * Starts {@code task(i, intendedStartNanos)} at a fixed rate for {@code seconds}, each at its
     * intended start time whatever happened to earlier ones (no coordinated omission: a stalled
     * system gets the same arrivals and its latency is measured from when the request was due).
     * Answers when the last task finished.
     */
    static double openLoop(double rate, double seconds, int maxOperations, String name, OpenTask task) {
        long count = Math.min(maxOperations, Math.max(1, (long) (rate * seconds)));
        long interval = (long) (1e9 / rate);
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long index = i;
            workers.execute(() -> task.run(index, intended));
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + ": tasks still running after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    interface OpenTask {
        void run(long index, long intendedStartNanos);
    }

    static void sleep(double seconds) {
        if (seconds <= 0) {
            return;
        }
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
