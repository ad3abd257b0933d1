package coaching.ledger.app;

import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.sealing.JdbcClientDataKeys;
import coaching.ledger.platform.sealing.KeyEncryptionKey;
import coaching.ledger.platform.sealing.Sealer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator rotates the key-encryption key with the jar alone (docs/operations.md, "Rotating the key-encryption key"). */
class RotateKekCommandTest {

    private static final String NOTES = "what the client told the coach";

    @TempDir
    Path directory;

    @Test
    void rotatesTheKeysetFileAndRewrapsEveryDataKey() throws Exception {
        String url = database();
        Path kekFile = directory.resolve("keys/kek.json");
        String envelope = sealUnder(url, KeyEncryptionKey.fromFile(kekFile));

        Result rotated = rotateKek("--spring.datasource.url=" + url, "--ledger.keys.kek-file=" + kekFile);

        assertThat(rotated.exitCode()).as(rotated.errors()).isEqualTo(RotateKekCommand.ROTATED);
        JsonNode report = new ObjectMapper().readTree(rotated.output());
        assertThat(report.get("newPrimary").asBoolean()).isTrue();
        assertThat(report.get("rewrapped").asLong()).isEqualTo(1);
        assertThat(report.get("keysetFile").asText()).isEqualTo(kekFile.toString());
        assertThat(report.has("newKek")).isFalse();
        KeyEncryptionKey rotatedKek = KeyEncryptionKey.fromFile(kekFile);
        assertThat(rotatedKek.primaryKeyId())
                .isEqualTo(report.get("primaryKeyId").asLong());
        assertThat(jdbc(url).queryForList("SELECT kek_key_id FROM data_key", Long.class))
                .containsExactly(rotatedKek.primaryKeyId());
        assertThat(open(url, rotatedKek, envelope)).isEqualTo(NOTES);
    }

    @Test
    void handsBackTheNewKeysetOfTheSettingAndRewrapsOnceItIsConfigured() throws Exception {
        String url = database();
        String kek = Base64.getEncoder()
                .encodeToString(KeyEncryptionKey.newKeysetJson().getBytes(StandardCharsets.UTF_8));
        String envelope = sealUnder(url, kekOf(kek));

        Result handedBack = rotateKek("--spring.datasource.url=" + url, "--ledger.keys.kek=" + kek);

        assertThat(handedBack.exitCode()).as(handedBack.errors()).isEqualTo(RotateKekCommand.ROTATED);
        JsonNode report = new ObjectMapper().readTree(handedBack.output());
        assertThat(report.get("rewrapped").asLong()).isZero();
        assertThat(handedBack.errors()).contains("set ledger.keys.kek (LEDGER_KEK) to newKek", "run rotate-kek again");
        String newKek = report.get("newKek").asText();

        Result rewrapped = rotateKek("--spring.datasource.url=" + url, "--ledger.keys.kek=" + newKek);

        assertThat(rewrapped.exitCode()).as(rewrapped.errors()).isEqualTo(RotateKekCommand.ROTATED);
        assertThat(new ObjectMapper()
                        .readTree(rewrapped.output())
                        .get("rewrapped")
                        .asLong())
                .isEqualTo(1);
        assertThat(open(url, kekOf(newKek), envelope)).isEqualTo(NOTES);
    }

    @Test
    void failsWithoutTheKeysetFileItShouldRotate() {
        Result failed = rotateKek(
                "--spring.datasource.url=" + database(), "--ledger.keys.kek-file=" + directory.resolve("absent.json"));
        assertThat(failed.exitCode()).isEqualTo(RotateKekCommand.FAILED);
        assertThat(failed.errors()).contains("no key-encryption key to rotate");
        assertThat(directory.resolve("absent.json")).doesNotExist();
    }

    /** A ledger database on an H2 file, with the schema the ledger migrates to. */
    private String database() {
        String url = "jdbc:h2:file:" + directory.resolve("ledger").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        return url;
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    }

    private static Sealer sealer(String url, KeyEncryptionKey kek) {
        JdbcTemplate jdbc = jdbc(url);
        return new Sealer(new JdbcClientDataKeys(
                jdbc,
                new DataSourceTransactionManager(jdbc.getDataSource()),
                kek,
                10,
                java.time.Duration.ofMinutes(1)));
    }

    private static String sealUnder(String url, KeyEncryptionKey kek) {
        return sealer(url, kek).seal(SessionLogged.notesField("client-cara", "eng-1", "session-1"), NOTES);
    }

    private static String open(String url, KeyEncryptionKey kek, String envelope) {
        return sealer(url, kek).open(SessionLogged.notesField("client-cara", "eng-1", "session-1"), envelope);
    }

    private static KeyEncryptionKey kekOf(String base64) {
        return KeyEncryptionKey.fromEnvironment(new MockEnvironment().withProperty(KeyEncryptionKey.KEY, base64));
    }

    private static Result rotateKek(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = RotateKekCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output, String errors) {}
}
