package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The adversary the signed log is for, against the packaged ledger on PostgreSQL: someone with write access to
 * the database, but not to the signing key nor to what was published or kept outside it. Every step runs the
 * jar as a real process: the ledger, its offline {@code verify} and the client's offline {@code verify-receipt}.
 */
class DatabaseAdministratorIT {

    private static final Duration START = Duration.ofMinutes(2);

    @TempDir
    private Path directory;

    private final CrashStore store = CrashStore.postgres();
    private PackagedJar ledger;

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void aRewoundHeadAndAResealedRewriteAreReportedAndTheClientsReceiptStillChecksOffline() throws Exception {
        start("before");
        LedgerHttp http = new LedgerHttp(ledger.port());
        String engagement = tellTheStory(http);
        Path key = write(
                "ledger.pub",
                expect(200, http.get("/api/v1/log/public-key", "client-cara")).body());
        Path receipt = write(
                "u-1.receipt",
                expect(
                                200,
                                http.get(
                                        "/api/v1/client/engagements/" + engagement + "/disclosures/u-1/receipt",
                                        "client-cara"))
                        .body());
        Run checked = run("verify-receipt", receipt.toString(), "--public-key", key.toString());
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output())
                .contains("VALID receipt")
                .contains("boss-ben")
                .contains("consent c-1");
        Path kept =
                write("kept.checkpoint", Files.readString(publishDir().resolve("checkpoint"), StandardCharsets.UTF_8));
        ledger.close();
        ledger = null;

        JdbcTemplate jdbc = store.jdbc();
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        long head = jdbc.queryForObject("SELECT lastIndex FROM event_chain_head", Long.class);
        jdbc.update("UPDATE event_chain_head SET lastIndex = 0");
        Run rewound = verify(kept, key);
        assertThat(rewound.exitCode()).as(rewound.output()).isEqualTo(VerifyCommand.PROBLEMS);
        assertThat(rewound.output()).contains("HEAD_MISMATCH").contains("\"eventsChecked\" : " + events);
        jdbc.update("UPDATE event_chain_head SET lastIndex = ?", head);
        assertThat(verify(kept, key).exitCode()).as("restored").isEqualTo(VerifyCommand.VERIFIED);

        // the rewrite: a disclosure's stored purpose changed, every chain row, tile and stored checkpoint
        // dropped, so that the restarted ledger re-seals the altered history consistently
        jdbc.update("UPDATE DomainEventEntry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " 'quarterly review', 'annual review'), 'UTF8') WHERE payloadType LIKE '%.UpdateShared'");
        jdbc.update("DELETE FROM event_chain");
        jdbc.update("DELETE FROM merkle_tile");
        jdbc.update("DELETE FROM log_checkpoint");
        jdbc.update(
                "UPDATE event_chain_head SET lastIndex = 0, lastHash = ?, treeSize = 0, treeRoot = NULL",
                "0".repeat(64));
        start("after");
        LedgerHttp after = new LedgerHttp(ledger.port());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        store.jdbc().queryForObject("SELECT treeSize FROM event_chain_head", Long.class) == events);

        String report = expect(200, after.get("/api/v1/compliance/verification", "compliance-cy"))
                .body();
        assertThat(report).contains("\"verified\":false").contains("FORKED").contains("\"source\":\"published\"");
        expect(409, after.get("/api/v1/client/engagements/" + engagement + "/disclosures/u-1/receipt", "client-cara"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Files.readString(log("after"))).contains("not signing a checkpoint"));
        assertThat(Files.readString(publishDir().resolve("checkpoint"), StandardCharsets.UTF_8))
                .as("nothing rewritten was published")
                .isEqualTo(Files.readString(kept, StandardCharsets.UTF_8));
        ledger.close();
        ledger = null;

        Run forked = verify(kept, key);
        assertThat(forked.exitCode()).as(forked.output()).isEqualTo(VerifyCommand.PROBLEMS);
        assertThat(forked.output()).contains("FORKED").contains("\"source\" : \"auditor\"");
        Run stillValid = run("verify-receipt", receipt.toString(), "--public-key", key.toString());
        assertThat(stillValid.exitCode())
                .as("the receipt proves what the signed log held; the rewrite cannot take it back")
                .isZero();
    }

    private String tellTheStory(LedgerHttp http) {
        expect(201, http.post("/api/v1/coaches", "hr-hana", """
                {"coachId":"coach-cole","displayName":"Cole","certifications":[],"yearsExperience":12,"specialties":[]}"""));
        expect(201, http.post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"eng-42","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}"""));
        expect(201, http.post("/api/v1/engagements/eng-42/shortlist", "hr-hana", "{\"coachIds\":[\"coach-cole\"]}"));
        expect(
                201,
                http.post("/api/v1/engagements/eng-42/coach-selection", "client-cara", "{\"coachId\":\"coach-cole\"}"));
        expect(201, http.post("/api/v1/engagements/eng-42/budget-approval", "boss-ben", """
                {"sessions":8,"amount":9600.00,"currency":"EUR"}"""));
        expect(201, http.post("/api/v1/engagements/eng-42/consents", "client-cara", """
                {"consentId":"c-1","audience":"BOSS","scopes":["PROGRESS"],"purpose":"quarterly review"}"""));
        expect(201, http.post("/api/v1/engagements/eng-42/updates", "coach-cole", """
                {"updateId":"u-1","audience":"BOSS","scope":"PROGRESS","content":"Delegating more; on track."}"""));
        return "eng-42";
    }

    private void start(String name) {
        List<String> arguments = new ArrayList<>(store.ledgerArguments());
        arguments.add("--ledger.checkpoints.publish-dir=" + publishDir());
        arguments.add("--ledger.checkpoints.signing-key-file=" + directory.resolve("checkpoint-signing.key"));
        ledger = PackagedJar.start(
                        "database-administrator-" + name,
                        jar(),
                        List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                        arguments,
                        log(name))
                .awaitHealthy(START);
    }

    private static Path log(String name) {
        return Path.of("target", "database-administrator-" + name + ".log");
    }

    private Path publishDir() {
        return directory.resolve("published");
    }

    private Run verify(Path kept, Path key) throws Exception {
        List<String> arguments =
                new ArrayList<>(List.of("verify", "--checkpoint", kept.toString(), "--public-key", key.toString()));
        arguments.addAll(store.ledgerArguments());
        return run(arguments.toArray(String[]::new));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static LedgerHttp.Response expect(int status, LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private record Run(int exitCode, String output) {}

    /** {@code java -jar ledger-app.jar <arguments>} as its own process, to its end. */
    private static Run run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                jar().toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Path jar() {
        return Path.of(System.getProperty("ledger.jar"));
    }
}
