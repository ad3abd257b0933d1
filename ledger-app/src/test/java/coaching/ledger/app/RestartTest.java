package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps everything in its H2 file: stop the ledger, start it, nothing is lost. */
class RestartTest {

    @TempDir
    Path workingDirectory;

    @Test
    void everyEngagementIsStillThereAfterARestart() {
        String engagement = """
                {"engagementId":"eng-restart","clientId":"client-cara","bossId":"boss-ben","purpose":"REMEDIAL","urgency":"LOW"}""";
        try (ConfigurableApplicationContext first = start()) {
            LedgerHttp http = http(first);
            assertThat(http.post("/api/v1/engagements", "hr-hana", engagement).status())
                    .isEqualTo(201);
            assertThat(http.post("/api/v1/coaches", "hr-hana", coach()).status())
                    .isEqualTo(201);
            assertThat(http.post(
                                    "/api/v1/engagements/eng-restart/shortlist",
                                    "hr-hana",
                                    "{\"coachIds\":[\"coach-cole\"]}")
                            .status())
                    .isEqualTo(201);
        }
        assertThat(Files.exists(workingDirectory.resolve("data/ledger.mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            LedgerHttp http = http(second);
            LedgerHttp.Response repeat = http.post("/api/v1/engagements", "hr-hana", engagement);
            assertThat(repeat.status())
                    .as("the engagement is known after the restart")
                    .isEqualTo(200);
            // the version of the first answer, from a key file generated at the first start and kept
            assertThat(repeat.json().get("version").asLong()).isZero();
            LedgerHttp.Response next = http.post(
                    "/api/v1/engagements/eng-restart/coach-selection", "client-cara", "{\"coachId\":\"coach-cole\"}");
            assertThat(next.status()).as(next.toString()).isEqualTo(201);
            assertThat(next.json().get("version").asLong()).isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        String url = "jdbc:h2:file:" + workingDirectory.resolve("data/ledger").toAbsolutePath();
        return SpringApplication.run(
                LedgerApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--ledger.fingerprint.key-file=" + workingDirectory.resolve("data/keys/fingerprint.key"),
                "--ledger.checkpoints.publish-dir=" + workingDirectory.resolve("data/published-checkpoints"));
    }

    private static LedgerHttp http(ConfigurableApplicationContext context) {
        return new LedgerHttp(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static String coach() {
        return """
                {"coachId":"coach-cole","displayName":"Cole","certifications":[],"yearsExperience":5,"specialties":[]}""";
    }
}
