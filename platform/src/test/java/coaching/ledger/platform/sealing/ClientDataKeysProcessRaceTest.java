package coaching.ledger.platform.sealing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ledger processes (two JVMs of {@link KeyRaceProcess}) on one PostgreSQL schema, with the same
 * KEK, released at the same moment to seal for the same 50 new clients: both seal every client's
 * notes alike, so they used the same key, and the table holds one key per client.
 */
class ClientDataKeysProcessRaceTest {

    private static final int CLIENTS = 50;
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path directory;

    @Test
    void twoProcessesRacingForTheSameNewClientsSealUnderTheSameKeys() throws Exception {
        String kek = TestKeks.newBase64();
        Path go = directory.resolve("go");
        List<Process> processes = new ArrayList<>();
        try (KeyDatabase database = KeyDatabase.of("postgresql")) {
            for (int i = 0; i < 2; i++) {
                processes.add(start(database, kek, i, go));
            }
            awaitReady(processes);
            Files.createFile(go);
            List<Map<String, List<String>>> printed = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                Process process = processes.get(i);
                assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                        .as("process %d finishes", i)
                        .isTrue();
                assertThat(process.exitValue()).as(errors(i)).isZero();
                printed.add(envelopes(i));
            }

            assertThat(printed.get(0))
                    .hasSize(CLIENTS)
                    .allSatisfy((client, envelopes) ->
                            assertThat(envelopes).as(client).hasSize(1));
            assertThat(printed.get(1)).isEqualTo(printed.get(0));
            assertThat(database.rows()).isEqualTo(CLIENTS);
            Sealer freshProcess = new Sealer(database.keys(TestKeks.fromBase64(kek)));
            printed.get(0)
                    .forEach((client, envelopes) -> assertThat(
                                    freshProcess.open(ClientDataKeysRaceTest.notes(client), envelopes.get(0)))
                            .isEqualTo(KeyRaceProcess.TEXT));
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private Process start(KeyDatabase database, String kek, int i, Path go) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KeyRaceProcess.class.getName(),
                        database.url(),
                        database.user(),
                        database.password(),
                        ready(i).toString(),
                        go.toString(),
                        Integer.toString(CLIENTS))
                .redirectOutput(directory.resolve("out-" + i).toFile())
                .redirectError(directory.resolve("err-" + i).toFile());
        builder.environment().put(KeyEncryptionKey.ENVIRONMENT_VARIABLE, kek);
        return builder.start();
    }

    /** Both connected and waiting, so that neither has a head start. */
    private void awaitReady(List<Process> processes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (int i = 0; i < processes.size(); i++) {
            while (!Files.exists(ready(i))) {
                assertThat(processes.get(i).isAlive()).as(errors(i)).isTrue();
                assertThat(System.nanoTime()).as("process %d gets ready", i).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private Path ready(int i) {
        return directory.resolve("ready-" + i);
    }

    private String errors(int i) throws IOException {
        return "process " + i + " wrote to stderr:\n" + Files.readString(directory.resolve("err-" + i));
    }

    private Map<String, List<String>> envelopes(int i) throws IOException {
        Map<String, List<String>> envelopes = new TreeMap<>();
        for (String line : Files.readAllLines(directory.resolve("out-" + i))) {
            if (!line.startsWith(KeyRaceProcess.SEALED)) {
                continue;
            }
            String[] clientAndEnvelope =
                    line.substring(KeyRaceProcess.SEALED.length()).split(" ", 2);
            envelopes
                    .computeIfAbsent(clientAndEnvelope[0], client -> new ArrayList<>())
                    .add(clientAndEnvelope[1]);
        }
        return envelopes;
    }
}
