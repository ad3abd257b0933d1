package coaching.ledger.app.pages;

import coaching.ledger.app.LedgerApplication;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.platform.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the ledger on H2, in a real headless Chromium. Every page test shares one ledger (one Spring
 * context), each class has its own browser; ids are made unique per test so tests do not see each other's data.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PagesTest {

    /**
     * The README's pictures of the pages are taken here: always under target/screenshots/, and into docs/pages/
     * (committed) when the build is run with -Dpages.screenshots=docs.
     */
    static void screenshotForDocs(String page) {
        browser.screenshot(Path.of("target", "screenshots", page + ".png"));
        if ("docs".equals(System.getProperty("pages.screenshots"))) {
            browser.screenshot(Path.of("..", "docs", "pages", page + ".png"));
        }
    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    LedgerHttp http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @BeforeEach
    void connect() {
        browser.at(port);
        http = new LedgerHttp(port);
    }

    /**
     * coach-cole and coach-chen, with the same details wherever a page test needs them; 409 when a test registered
     * them first with other details (one ledger serves every page test).
     */
    void registerDemoCoaches() {
        for (String coach : List.of("coach-cole", "coach-chen")) {
            LedgerHttp.Response registered = http.post("/api/v1/coaches", "hr-hana", """
                    {"coachId":"%s","displayName":"%s","certifications":[{"body":"ICF","credential":"PCC","validUntil":"2030-01-01"}],
                     "yearsExperience":10,"specialties":["leadership"]}""".formatted(coach, coach));
            assertThat(registered.status()).as(registered.toString()).isIn(200, 201, 409);
        }
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
