package coaching.ledger.platform.sealing;

import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sessions.SessionLogged;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads racing to create the data key of new clients all seal under the one key that was stored:
 * every envelope of a text is the same, the table holds one key per client, and a process that
 * knows nothing but the table and the KEK opens them. Two processes: {@link ClientDataKeysProcessRaceTest}.
 */
class ClientDataKeysRaceTest {

    private static final int THREADS = 16;
    private static final int CLIENTS = 12;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void threadsRacingForNewClientsAllSealUnderTheOneStoredKey(String vendor) throws Exception {
        KeyEncryptionKey kek = TestKeks.newKek();
        try (KeyDatabase database = KeyDatabase.of(vendor)) {
            Sealer sealer = new Sealer(database.keys(kek));
            List<String> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add("client-race-" + i);
            }
            Map<String, Set<String>> envelopes = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Void>> racers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    List<String> order = new ArrayList<>(clients);
                    Collections.shuffle(order);
                    racers.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        for (String client : order) {
                            envelopes
                                    .computeIfAbsent(client, c -> ConcurrentHashMap.newKeySet())
                                    .add(sealer.seal(notes(client), "the same notes"));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<Void> racer : racers) {
                    racer.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(envelopes)
                    .hasSize(CLIENTS)
                    .allSatisfy((client, ofClient) ->
                            assertThat(ofClient).as(client).hasSize(1));
            assertThat(database.rows()).isEqualTo(CLIENTS);
            Sealer anotherProcess = new Sealer(database.keys(kek));
            envelopes.forEach((client, ofClient) -> assertThat(anotherProcess.open(
                            notes(client), ofClient.iterator().next()))
                    .isEqualTo("the same notes"));
        }
    }

    static SealedField notes(String client) {
        return SessionLogged.notesField(client, "eng-race", "session-1");
    }
}
