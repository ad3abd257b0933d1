package coaching.ledger.platform.sealing;

import coaching.ledger.platform.secrets.SecretFiles;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the key-encryption key re-wraps every client's data key under a new primary and touches
 * nothing else; it can be stopped anywhere and run again (docs/operations.md, "Rotating the
 * key-encryption key").
 */
class KekRotationTest {

    private static final String NOTES = "notes nobody but client and coach reads";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aRotationOfTheKeysetFileRewrapsEveryDataKeyAndLeavesTheEventsAlone(String vendor) throws Exception {
        Path file = directory.resolve("keys/kek.json");
        KeyEncryptionKey old = KeyEncryptionKey.fromFile(file);
        try (KeyDatabase database = KeyDatabase.of(vendor)) {
            Map<String, String> envelopes = sealForClients(database, old, 0, 5);
            JdbcTemplate jdbc = database.jdbc();
            jdbc.update(
                    "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                            + " payload, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    "eng-rotation",
                    0,
                    "Engagement",
                    "event-1",
                    envelopes.get("client-0").getBytes(StandardCharsets.UTF_8),
                    "SessionLogged",
                    "2026-12-04T16:00:00Z");
            List<Map<String, Object>> events = events(jdbc);

            KekRotation.Report report = new KekRotation(jdbc).rotate(fromFile(file));

            assertThat(report.newPrimary()).isTrue();
            assertThat(report.rewrapped()).isEqualTo(5);
            assertThat(report.keysetFile()).isEqualTo(file.toString());
            assertThat(report.newKek()).isNull();
            assertThat(report.primaryKeyId()).isNotEqualTo(old.primaryKeyId());
            KeysetHandle stored = keysetIn(file);
            assertThat(stored.size()).as("the old key is kept").isEqualTo(2);
            assertThat(Integer.toUnsignedLong(stored.getPrimary().getId())).isEqualTo(report.primaryKeyId());
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (var listing = Files.list(file.getParent())) {
                assertThat(listing).containsExactly(file); // no draft left behind
            }
            assertThat(kekKeyIds(jdbc)).containsOnly(report.primaryKeyId());
            assertThat(events(jdbc)).isEqualTo(events);
            assertOpen(database, KeyEncryptionKey.fromFile(file), envelopes);

            KeysetHandle withoutTheOldKey = KeysetHandle.newBuilder(stored)
                    .deleteAt(stored.getAt(0).isPrimary() ? 1 : 0)
                    .build();
            assertOpen(database, new KeyEncryptionKey(withoutTheOldKey), envelopes);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aRunFindingRowsUnderAnOldKeyFinishesThatRotationWithoutANewKey(String vendor) throws Exception {
        Path file = directory.resolve("kek.json");
        KeyEncryptionKey old = KeyEncryptionKey.fromFile(file);
        try (KeyDatabase database = KeyDatabase.of(vendor)) {
            Map<String, String> envelopes = sealForClients(database, old, 0, 5);
            KekRotation rotation = new KekRotation(database.jdbc());
            KekRotation.Report first = rotation.rotate(fromFile(file));
            String rotatedKeyset = Files.readString(file);
            // rows left under the old key, as by a crash half-way or a process still holding the old keyset
            envelopes.putAll(sealForClients(database, old, 5, 10));
            assertThat(kekKeyIds(database.jdbc())).contains(old.primaryKeyId());

            KekRotation.Report finishing = rotation.rotate(fromFile(file));

            assertThat(finishing.newPrimary()).isFalse();
            assertThat(finishing.primaryKeyId()).isEqualTo(first.primaryKeyId());
            assertThat(finishing.rewrapped())
                    .as("rows already re-wrapped are skipped")
                    .isEqualTo(5);
            assertThat(Files.readString(file)).isEqualTo(rotatedKeyset);
            assertThat(kekKeyIds(database.jdbc())).containsOnly(first.primaryKeyId());
            assertOpen(database, KeyEncryptionKey.fromFile(file), envelopes);

            KekRotation.Report next = rotation.rotate(fromFile(file));
            assertThat(next.newPrimary())
                    .as("every row under the primary: a new rotation")
                    .isTrue();
            assertThat(next.rewrapped()).isEqualTo(10);
            assertThat(keysetIn(file).size()).isEqualTo(3);
            assertOpen(database, KeyEncryptionKey.fromFile(file), envelopes);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aKekFromTheSettingIsHandedBackThenRewrappedUnderOnceConfigured(String vendor) throws Exception {
        String oldKek = TestKeks.newBase64();
        Path unusedFile = directory.resolve("kek.json");
        try (KeyDatabase database = KeyDatabase.of(vendor)) {
            Map<String, String> envelopes = sealForClients(database, TestKeks.fromBase64(oldKek), 0, 5);
            KekRotation rotation = new KekRotation(database.jdbc());

            KekRotation.Report handedBack = rotation.rotate(new MockEnvironment()
                    .withProperty(KeyEncryptionKey.KEY, oldKek)
                    .withProperty(KeyEncryptionKey.KEY_FILE, unusedFile.toString()));

            assertThat(handedBack.newPrimary()).isTrue();
            assertThat(handedBack.rewrapped())
                    .as("nothing under a key not yet configured")
                    .isZero();
            assertThat(handedBack.keysetFile()).isNull();
            assertThat(unusedFile).doesNotExist();
            assertThat(kekKeyIds(database.jdbc()))
                    .containsOnly(TestKeks.fromBase64(oldKek).primaryKeyId());
            KeyEncryptionKey newKek = TestKeks.fromBase64(handedBack.newKek());
            assertThat(newKek.primaryKeyId()).isEqualTo(handedBack.primaryKeyId());
            assertOpen(database, newKek, envelopes);

            KekRotation.Report rewrapped =
                    rotation.rotate(new MockEnvironment().withProperty(KeyEncryptionKey.KEY, handedBack.newKek()));

            assertThat(rewrapped.newPrimary()).isFalse();
            assertThat(rewrapped.rewrapped()).isEqualTo(5);
            assertThat(kekKeyIds(database.jdbc())).containsOnly(handedBack.primaryKeyId());
            assertOpen(database, newKek, envelopes);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aKeysetThatDoesNotOpenTheDataKeysChangesNothing(String vendor) throws Exception {
        Path file = directory.resolve("kek.json");
        try (KeyDatabase database = KeyDatabase.of(vendor)) {
            sealForClients(database, TestKeks.newKek(), 0, 3);
            Map<String, String> before = wrappedKeys(database.jdbc());
            SecretFiles.replace(file, KeyEncryptionKey.newKeysetJson());
            String unrelated = Files.readString(file);

            assertThatThrownBy(() -> new KekRotation(database.jdbc()).rotate(fromFile(file)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not unwrap under the configured key-encryption key");
            assertThat(wrappedKeys(database.jdbc())).isEqualTo(before);
            assertThat(Files.readString(file)).isEqualTo(unrelated);

            Path absent = directory.resolve("absent.json");
            assertThatThrownBy(() -> new KekRotation(database.jdbc()).rotate(fromFile(absent)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no key-encryption key to rotate");
            assertThat(absent).doesNotExist();
        }
    }

    private static MockEnvironment fromFile(Path file) {
        return new MockEnvironment().withProperty(KeyEncryptionKey.KEY_FILE, file.toString());
    }

    /** Seals the notes of clients {@code client-from} to {@code client-(to-1)}, creating their data keys. */
    private static Map<String, String> sealForClients(KeyDatabase database, KeyEncryptionKey kek, int from, int to) {
        Sealer sealer = new Sealer(database.keys(kek));
        return IntStream.range(from, to)
                .mapToObj(i -> "client-" + i)
                .collect(Collectors.toMap(
                        client -> client,
                        client -> sealer.seal(ClientDataKeysRaceTest.notes(client), NOTES),
                        (one, other) -> one,
                        LinkedHashMap::new));
    }

    /** Opens every envelope as a process that starts with this KEK and an empty cache would. */
    private static void assertOpen(KeyDatabase database, KeyEncryptionKey kek, Map<String, String> envelopes) {
        Sealer freshProcess = new Sealer(database.keys(kek));
        envelopes.forEach(
                (client, envelope) -> assertThat(freshProcess.open(ClientDataKeysRaceTest.notes(client), envelope))
                        .as(client)
                        .isEqualTo(NOTES));
    }

    private static KeysetHandle keysetIn(Path file) throws Exception {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
    }

    private static List<Long> kekKeyIds(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT kek_key_id FROM data_key", Long.class);
    }

    private static Map<String, String> wrappedKeys(JdbcTemplate jdbc) {
        return jdbc.query("SELECT client_id, wrapped_key, kek_key_id FROM data_key", rows -> {
            Map<String, String> wrapped = new LinkedHashMap<>();
            while (rows.next()) {
                wrapped.put(rows.getString(1), Arrays.toString(rows.getBytes(2)) + " under " + rows.getLong(3));
            }
            return wrapped;
        });
    }

    /** The event table, byte columns as text so that equal contents compare equal. */
    private static List<Map<String, Object>> events(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT * FROM DomainEventEntry ORDER BY globalIndex").stream()
                .map(row -> row.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                column -> column.getValue() instanceof byte[] bytes
                                        ? (Object) Arrays.toString(bytes)
                                        : String.valueOf(column.getValue()))))
                .toList();
    }
}
