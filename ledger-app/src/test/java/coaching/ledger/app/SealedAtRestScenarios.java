package coaching.ledger.app;

import coaching.ledger.app.NothingLeaksScenarios.Canary;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.PackagedJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static coaching.ledger.app.NothingLeaksScenarios.CLOSED_ENGAGEMENT;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.BOSS_REQUEST_MESSAGE;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.CLOSURE_REASON;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.HR_REQUEST_MESSAGE;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.REFUSED_UPDATE_CONTENT;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.REVOCATION_REASON;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.SATISFACTION_COMMENT;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.SESSION_NOTES;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.UPDATE_TO_BOSS;
import static coaching.ledger.app.NothingLeaksScenarios.Canary.UPDATE_TO_HR;
import static coaching.ledger.app.NothingLeaksScenarios.ENGAGEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing confidential is in clear at rest (docs/security.md, "Proof: nothing confidential in clear at
 * rest"). The packaged ledger tells the leak test's story, a canary in every confidential field, and
 * shows each canary to the parties entitled to read it. Then it is stopped, as an operator stops it or
 * with SIGKILL right after its views caught up, and every byte it left behind is searched for every
 * canary, as UTF-8 and UTF-16: the database as the store keeps it (subclasses), the key files and the
 * process log. A text that is not confidential, stored in clear, must be found there: otherwise the
 * search could be blind and pass for nothing.
 */
abstract class SealedAtRestScenarios {

    /** The confidential fields of the story, and the content of the refused update (never recorded at all). */
    private static final Set<Canary> SENT = EnumSet.of(
            SESSION_NOTES,
            UPDATE_TO_BOSS,
            UPDATE_TO_HR,
            REFUSED_UPDATE_CONTENT,
            SATISFACTION_COMMENT,
            REVOCATION_REASON,
            BOSS_REQUEST_MESSAGE,
            HR_REQUEST_MESSAGE,
            CLOSURE_REASON);

    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);
    private static final Duration VIEWS_WITHIN = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a stopped ledger left behind, or an image of it (a dump, the values decoded from one). */
    record Stored(String place, byte[] bytes) {}

    /** The database a test's ledger runs on; one per test. */
    interface RestingStore {

        String name();

        /** The ledger's arguments for this store. */
        List<String> ledgerArguments();

        /** The database as the stopped ledger left it: its files, or the dumps that read every byte of it. */
        List<Stored> database();

        /** The place of {@link #database()} where what the ledger records is readable: a text stored in clear is found there. */
        String recordedTextPlace();

        /** Removes what the store keeps outside the test's directory. */
        void drop();
    }

    /** A new, empty store whose files, if any, go under {@code directory}. */
    abstract RestingStore newStore(Path directory);

    enum Stop {
        GRACEFUL,
        KILL
    }

    @Test
    void stoppedGracefullyTheLedgerLeavesNoConfidentialTextInClear() throws Exception {
        runTheStoryAndSearch(Stop.GRACEFUL);
    }

    @Test
    void killedRightAfterItsViewsCaughtUpTheLedgerLeavesNoConfidentialTextInClear() throws Exception {
        runTheStoryAndSearch(Stop.KILL);
    }

    private void runTheStoryAndSearch(Stop stop) throws Exception {
        String marker = "marker-consent-purpose-" + UUID.randomUUID().toString().substring(0, 8);
        Path directory = Path.of("target", "sealed-at-rest", getClass().getSimpleName() + "-" + stop + "-" + marker)
                .toAbsolutePath();
        Path keys = directory.resolve("data").resolve("keys");
        RestingStore store = newStore(directory);
        try {
            PackagedJar ledger = start(store, directory, keys);
            try {
                LedgerHttp http = new LedgerHttp(ledger.port());
                NothingLeaksScenarios.tellTheStory(http, new ArrayList<>());
                assertThat(http.post(NothingLeaksScenarios.path(ENGAGEMENT, "consents"), "client-cara", """
                                        {"consentId":"c-marker","audience":"HR","scopes":["GOALS"],"purpose":"%s"}""".formatted(
                                                marker))
                                .status())
                        .as("the consent whose purpose is the marker")
                        .isEqualTo(201);
                awaitEveryCanaryShownToItsReaders(http);
                NothingLeaksScenarios.awaitQuiet(http);
            } finally {
                if (stop == Stop.KILL) {
                    ledger.kill();
                } else {
                    ledger.close();
                }
            }

            List<Stored> database = store.database();
            List<Stored> atRest = new ArrayList<>(database);
            Set<String> databasePlaces = database.stream().map(Stored::place).collect(Collectors.toSet());
            filesUnder(directory).stream()
                    .filter(file -> !databasePlaces.contains(file.place()))
                    .forEach(atRest::add);

            Map<Canary, Set<String>> found = new EnumMap<>(Canary.class);
            for (Canary canary : SENT) {
                found.put(canary, placesHolding(canary.text, atRest));
            }
            System.out.printf(
                    "[sealed at rest %s, %s] searched %s; each canary found at:%n%s%n",
                    store.name(),
                    stop,
                    atRest.stream()
                            .map(stored -> stored.place() + " (" + stored.bytes().length + " bytes)")
                            .toList(),
                    found.entrySet().stream()
                            .map(entry -> "  " + entry.getKey() + " -> " + entry.getValue())
                            .collect(Collectors.joining("\n")));

            assertThat(placesHolding(marker, database))
                    .as("places holding the consent purpose, recorded in clear: the search sees what is there")
                    .contains(store.recordedTextPlace() + " as utf-8");
            assertThat(found)
                    .as("canaries in clear at rest, with their places")
                    .allSatisfy((canary, places) ->
                            assertThat(places).as("%s", canary).isEmpty());
            // the texts are in the database all the same, sealed: not merely lost on the way
            assertThat(placesHolding(Sealer.PREFIX, database))
                    .as("places holding envelopes")
                    .contains(store.recordedTextPlace() + " as utf-8");
            assertKeyEncryptionKeyOutsideTheDatabase(keys.resolve("kek.json"), database, atRest);
        } finally {
            store.drop();
        }
    }

    private static PackagedJar start(RestingStore store, Path directory, Path keys) {
        List<String> arguments = new ArrayList<>(store.ledgerArguments());
        // the embedded default's key files (./data/keys), under this test's directory instead of the working one
        arguments.add("--ledger.keys.kek-file=" + keys.resolve("kek.json"));
        arguments.add("--ledger.fingerprint.key-file=" + keys.resolve("fingerprint.key"));
        // the application's and Axon's debug lines too, as in the leak test: a log an operator turns up holds no canary
        arguments.add("--logging.level.coaching.ledger=DEBUG");
        arguments.add("--logging.level.org.axonframework=DEBUG");
        return PackagedJar.start(
                        "sealed-at-rest",
                        Path.of(System.getProperty("ledger.jar")),
                        List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                        arguments,
                        directory.resolve("ledger.log"))
                .awaitHealthy(Duration.ofMinutes(2));
    }

    /**
     * The client reads every canary of their engagements, the boss the boss's update, HR the HR update:
     * the story was recorded, and whatever is sealed at rest still opens for the parties entitled to it.
     */
    private static void awaitEveryCanaryShownToItsReaders(LedgerHttp http) {
        await().atMost(VIEWS_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(http.get("/api/v1/client/engagements/" + ENGAGEMENT, "client-cara")
                            .body())
                    .as("the client's view")
                    .contains(
                            SESSION_NOTES.text,
                            UPDATE_TO_BOSS.text,
                            UPDATE_TO_HR.text,
                            SATISFACTION_COMMENT.text,
                            REVOCATION_REASON.text,
                            BOSS_REQUEST_MESSAGE.text,
                            HR_REQUEST_MESSAGE.text);
            assertThat(http.get("/api/v1/client/engagements/" + CLOSED_ENGAGEMENT, "client-cara")
                            .body())
                    .as("the client's view of the closed engagement")
                    .contains(CLOSURE_REASON.text);
            assertThat(http.get("/api/v1/boss/engagements/" + ENGAGEMENT, "boss-ben")
                            .body())
                    .as("the boss's view")
                    .contains(UPDATE_TO_BOSS.text);
            assertThat(http.get("/api/v1/hr/engagements", "hr-hana").body())
                    .as("HR's engagement list")
                    .contains(UPDATE_TO_HR.text);
        });
    }

    /**
     * The KEK file was generated where the embedded default keeps it, and its key material is in no
     * image of the database and not in the log: a database backup alone opens no envelope.
     */
    private static void assertKeyEncryptionKeyOutsideTheDatabase(
            Path kekFile, List<Stored> database, List<Stored> atRest) throws IOException {
        assertThat(kekFile)
                .as("the key-encryption key generated on first start")
                .isRegularFile();
        List<Stored> notKeys = Stream.concat(
                        database.stream(),
                        atRest.stream().filter(stored -> stored.place().endsWith(".log")))
                .toList();
        for (JsonNode key : JSON.readTree(kekFile.toFile()).path("key")) {
            String material = key.path("keyData").path("value").asText();
            assertThat(material).as("key material in " + kekFile).isNotEmpty();
            assertThat(placesHolding(material, notKeys))
                    .as("places holding the KEK's key material as text")
                    .isEmpty();
            byte[] raw = Base64.getDecoder().decode(material);
            assertThat(notKeys.stream()
                            .filter(stored -> indexOf(stored.bytes(), raw) >= 0)
                            .map(Stored::place))
                    .as("places holding the KEK's key material as bytes")
                    .isEmpty();
        }
    }

    /** Every file under {@code directory}, named by its path relative to it. */
    static List<Stored> filesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .sorted()
                    .map(file -> new Stored(directory.relativize(file).toString(), readAllBytes(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The places holding {@code text} in one of the encodings, each with the encoding's name. */
    private static Set<String> placesHolding(String text, List<Stored> atRest) {
        Set<String> places = new TreeSet<>();
        for (Charset encoding : ENCODINGS) {
            byte[] needle = text.getBytes(encoding);
            for (Stored stored : atRest) {
                if (indexOf(stored.bytes(), needle) >= 0) {
                    places.add(stored.place() + " as " + encoding.name().toLowerCase(Locale.ROOT));
                }
            }
        }
        return places;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int offset = 0; offset < needle.length; offset++) {
                if (haystack[start + offset] != needle[offset]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
