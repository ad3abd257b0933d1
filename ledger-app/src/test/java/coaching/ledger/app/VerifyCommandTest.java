package coaching.ledger.app;

import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor verifies a copy of the database with the jar alone, no web server. Neither the HTTP answer nor
 * the command's trusts the chain's head row: rewound, it is reported, not believed.
 */
class VerifyCommandTest {

    @TempDir
    Path directory;

    @Test
    void verifiesACopyOfTheDatabaseAndFailsOnTampering() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("ledger").toAbsolutePath();
        try (ConfigurableApplicationContext ledger = SpringApplication.run(
                LedgerApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + url,
                // a checkpoint published by another test's ledger would be a fork of this one's
                "--ledger.checkpoints.publish-dir=" + directory.resolve("published"))) {
            LedgerHttp http = new LedgerHttp(
                    ((WebServerApplicationContext) ledger).getWebServer().getPort());
            assertThat(http.post("/api/v1/engagements", "hr-hana", """
                    {"engagementId":"eng-audit","clientId":"client-cara","bossId":"boss-ben","purpose":"REMEDIAL","urgency":"LOW"}""").status())
                    .isEqualTo(201);
            ledger.getBean(EventChainSealer.class).sealAvailable();

            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            long head = jdbc.queryForObject("SELECT lastIndex FROM event_chain_head WHERE id = 1", Long.class);
            jdbc.update("UPDATE event_chain_head SET lastIndex = 0");
            LedgerHttp.Response rewound = http.get("/api/v1/compliance/verification", "compliance-cy");
            assertThat(rewound.status())
                    .as("the sealer fails on the rewound head, the report is still the answer: %s", rewound)
                    .isEqualTo(200);
            assertThat(rewound.json().get("verified").asBoolean()).isFalse();
            assertThat(rewound.json().get("problems").get(0).get("kind").asText())
                    .isEqualTo("HEAD_MISMATCH");
            jdbc.update("UPDATE event_chain_head SET lastIndex = ?", head);
        }

        Result clean = verify("--spring.datasource.url=" + url);
        assertThat(clean.exitCode()).as(clean.output()).isEqualTo(VerifyCommand.VERIFIED);
        JsonNode report = new ObjectMapper().readTree(clean.output());
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(1);
        String checkpointHash = report.get("headHash").asText();
        long checkpointIndex = report.get("headGlobalIndex").asLong();

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().executeUpdate("UPDATE event_chain_head SET lastIndex = 0");
        }
        Result rewound = verify("--spring.datasource.url=" + url);
        assertThat(rewound.exitCode()).as(rewound.output()).isEqualTo(VerifyCommand.PROBLEMS);
        JsonNode rewoundReport = new ObjectMapper().readTree(rewound.output());
        assertThat(rewoundReport.get("eventsChecked").asLong())
                .as("every event is read, not only those up to the head")
                .isEqualTo(1);
        assertThat(rewoundReport.get("problems").get(0).get("kind").asText()).isEqualTo("HEAD_MISMATCH");

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().executeUpdate("UPDATE event_chain_head SET lastIndex = " + checkpointIndex);
            connection.createStatement().executeUpdate("UPDATE DomainEventEntry SET metaData = NULL");
        }
        Result tampered = verify(
                "--spring.datasource.url=" + url,
                "--checkpoint-index=" + checkpointIndex,
                "--checkpoint-hash=" + checkpointHash);
        assertThat(tampered.exitCode()).isEqualTo(VerifyCommand.PROBLEMS);
        assertThat(tampered.output()).contains("ALTERED", "CHECKPOINT_MISMATCH");

        assertThat(verify("--spring.datasource.url=jdbc:h2:file:"
                                + directory.resolve("missing").toAbsolutePath() + ";IFEXISTS=TRUE")
                        .exitCode())
                .isEqualTo(VerifyCommand.FAILED);
    }

    private static Result verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VerifyCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {}
}
