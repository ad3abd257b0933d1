package coaching.ledger.platform.sealing;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One of the ledger processes of {@link ClientDataKeysProcessRaceTest}: with the KEK of {@code
 * LEDGER_KEK}, it connects, says it is ready (creates the file {@code ready}), waits for the file
 * {@code go}, then seals the same notes for clients {@code client-0..n-1} from several threads and
 * prints {@code sealed for client envelope} for every distinct envelope it got.
 *
 * <p>Arguments: JDBC url, user, password, ready file, go file, number of clients.
 */
public final class KeyRaceProcess {

    private static final int THREADS = 4;
    static final String TEXT = "notes raced for by two processes";
    /** Marks the lines of the result among whatever the libraries log. */
    static final String SEALED = "sealed for ";

    private KeyRaceProcess() {}

    public static void main(String[] args) throws Exception {
        Path ready = Path.of(args[3]);
        Path go = Path.of(args[4]);
        int clients = Integer.parseInt(args[5]);
        KeyEncryptionKey kek = KeyEncryptionKey.fromEnvironment(new StandardEnvironment());
        try (HikariDataSource pool = KeyDatabase.pool(args[0], args[1], args[2])) {
            Sealer sealer = new Sealer(new JdbcClientDataKeys(
                    new JdbcTemplate(pool),
                    new DataSourceTransactionManager(pool),
                    kek,
                    10_000,
                    java.time.Duration.ofMinutes(1)));
            pool.getConnection().close();
            Files.createFile(ready);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(go)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("never told to go");
                }
                Thread.sleep(1);
            }
            Map<String, Set<String>> envelopes = new ConcurrentHashMap<>();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Void>> racers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    List<String> order = new ArrayList<>();
                    for (int i = 0; i < clients; i++) {
                        order.add("client-" + i);
                    }
                    Collections.shuffle(order);
                    racers.add(threads.submit((Callable<Void>) () -> {
                        for (String client : order) {
                            envelopes
                                    .computeIfAbsent(client, c -> ConcurrentHashMap.newKeySet())
                                    .add(sealer.seal(ClientDataKeysRaceTest.notes(client), TEXT));
                        }
                        return null;
                    }));
                }
                for (Future<Void> racer : racers) {
                    racer.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            new TreeMap<>(envelopes)
                    .forEach((client, ofClient) ->
                            ofClient.forEach(envelope -> System.out.println(SEALED + client + " " + envelope)));
        }
    }
}
