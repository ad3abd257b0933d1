package coaching.ledger.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static coaching.ledger.app.pages.PageSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /coach: the selected coach's engagements (sessions with notes, consents in force, open requests, updates
 * shared without their content), logging a session and sharing an update under a consent shown next to the form.
 */
class CoachPageTest extends PagesTest {

    private BossCoachSeed seed;

    @BeforeEach
    void seeder() {
        seed = new BossCoachSeed(http);
    }

    @Test
    void theCoachLogsASessionAndSharesAnUpdateUnderTheConsentShownNextToTheForm() {
        String id = seed.active(newId("coach-page"));
        seed.grantConsent(id, "c-boss", "BOSS", "\"PROGRESS\",\"ATTENDANCE\"");
        String marker = newId("note-marker");
        String content = newId("update-text");

        browser.signIn("coach-cole");
        logSession(id, marker);
        browser.waitForText(By.id("status"), "logged on " + id);
        browser.waitForText(By.id("sessions-" + id), marker);

        shareUpdate(id, "BOSS", "PROGRESS", content);
        browser.waitForText(By.id("status"), "shared with BOSS (PROGRESS) on " + id);
        WebElement shared = browser.waitForText(By.id("shared-" + id), "PROGRESS");
        assertThat(shared.getText()).contains("BOSS").contains("coach-cole").doesNotContain(content);
        assertThat(browser.dom())
                .as("the coach view never holds an update's content")
                .doesNotContain(content);

        JsonNode boss = http.get("/api/v1/boss/engagements/" + id, "boss-ben").json();
        assertThat(boss.get("updates").get(0).get("content").asText()).isEqualTo(content);
        assertThat(boss.get("updates").get(0).get("consentId").asText()).isEqualTo("c-boss");

        browser.driver().manage().window().setSize(new Dimension(1280, 1500));
        try {
            new Select(browser.driver().findElement(By.id("share-engagement"))).selectByValue(id);
            browser.waitForText(By.id("consent-list"), "c-boss");
            ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
            screenshotForDocs("coach");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void theConsentsInForceAreShownAndAShareWithoutConsentShowsTheLedgersRefusal() {
        String id = seed.active(newId("coach-refused"));
        seed.grantConsent(id, "c-progress", "BOSS", "\"PROGRESS\"");
        String content = newId("not-for-hr");

        browser.signIn("coach-cole");
        waitForOption("share-engagement", id);
        new Select(browser.driver().findElement(By.id("share-engagement"))).selectByValue(id);
        WebElement consents = browser.waitForText(By.id("consent-list"), "c-progress");
        assertThat(consents.getText())
                .contains("BOSS")
                .contains("PROGRESS")
                .contains("quarterly review with my manager")
                .contains("until revoked");
        new Select(browser.driver().findElement(By.id("share-audience"))).selectByValue("BOSS");
        new Select(browser.driver().findElement(By.id("share-scope"))).selectByValue("PROGRESS");
        browser.waitForText(By.id("share-hint"), "Consent c-progress covers BOSS / PROGRESS");

        shareUpdate(id, "HR", "PROGRESS", content);
        browser.waitForText(By.id("share-hint"), "No consent in force covers HR / PROGRESS");
        WebElement status = browser.waitForText(By.id("status"), "Disclosure refused");
        assertThat(status.getText()).contains("AUDIENCE_NOT_COVERED");
        assertThat(status.getAttribute("data-kind")).isEqualTo("error");
        browser.waitForText(By.id("shared-" + id), "none");

        shareUpdate(id, "BOSS", "GOALS", content);
        browser.waitUntil(d -> d.findElement(By.id("status")).getText().contains("SCOPE_NOT_COVERED") ? true : null);

        JsonNode client =
                http.get("/api/v1/client/engagements/" + id, "client-cara").json();
        assertThat(client.get("refusals")).hasSize(2);
        assertThat(client.get("disclosures")).isEmpty();
    }

    @Test
    void aSessionIsLoggedWithTheKeyboardAloneAndAnApiErrorIsSaid() {
        String id = seed.active(newId("coach-keys"));
        String marker = newId("keyboard-note");

        browser.signIn("coach-cole");
        waitForOption("session-engagement", id);
        new Select(browser.driver().findElement(By.id("session-engagement"))).selectByValue(id);
        WebElement notes = browser.driver().findElement(By.id("session-notes"));
        notes.sendKeys(marker);
        WebElement duration = browser.driver().findElement(By.id("session-duration"));
        duration.sendKeys(Keys.chord(Keys.CONTROL, "a"), "45", Keys.ENTER);
        browser.waitForText(By.id("sessions-" + id), marker);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#sessions-" + id + " tbody"))
                        .getText())
                .contains("45");

        String usedId = browser.driver()
                .findElement(By.cssSelector("#sessions-" + id + " tbody tr"))
                .getAttribute("data-session-id");
        WebElement sessionId = browser.driver().findElement(By.id("session-id"));
        assertThat(sessionId.getAttribute("value"))
                .as("a new id after a session is logged")
                .isNotEqualTo(usedId);
        sessionId.sendKeys(Keys.chord(Keys.CONTROL, "a"), usedId);
        browser.driver().findElement(By.id("session-notes")).sendKeys("other notes under the same id");
        browser.driver()
                .findElement(By.cssSelector("#log-session button[type=submit]"))
                .click();
        WebElement status = browser.waitForText(By.id("status"), "Conflict");
        assertThat(status.getAttribute("data-kind")).isEqualTo("error");
    }

    @Test
    void aCoachWhoWasOnlyShortlistedSeesNothingOfTheEngagement() {
        String id = seed.active(newId("coach-other"));
        String marker = newId("cole-only");
        seed.logSession(id, "s-1", marker);
        seed.grantConsent(id, "c-1", "BOSS", "\"PROGRESS\"");

        browser.signIn("coach-chen");
        browser.waitForText(By.id("who"), "coach-chen (COACH)");
        browser.waitUntil(d -> d.findElement(By.id("engagements")).getText().contains("Loading") ? null : true);

        assertThat(browser.dom()).doesNotContain(id).doesNotContain(marker);
        assertThat(http.get("/api/v1/coach/engagements/" + id, "coach-chen").status())
                .isEqualTo(404);
    }
}
