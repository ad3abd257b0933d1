package coaching.ledger.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static coaching.ledger.app.pages.PageSteps.waitForOption;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /boss: the boss's engagements, the updates the client consented to share with them, requesting an update and
 * approving a budget; session notes never reach the page.
 */
class BossPageTest extends PagesTest {

    private BossCoachSeed seed;

    @BeforeEach
    void seeder() {
        seed = new BossCoachSeed(http);
    }

    @Test
    void theBossSeesTheUpdateTheCoachSharedThroughThePageButNeverTheSessionNotes() {
        String id = seed.active(newId("boss-page"));
        seed.grantConsent(id, "c-boss", "BOSS", "\"PROGRESS\",\"ATTENDANCE\"");
        String note = newId("secret-note");
        String content = newId("delegating-more");

        browser.signIn("coach-cole");
        waitForOption("session-engagement", id);
        new Select(browser.driver().findElement(By.id("session-engagement"))).selectByValue(id);
        browser.driver().findElement(By.id("session-notes")).sendKeys(note);
        browser.driver()
                .findElement(By.cssSelector("#log-session button[type=submit]"))
                .click();
        browser.waitForText(By.id("sessions-" + id), note);
        new Select(browser.driver().findElement(By.id("share-engagement"))).selectByValue(id);
        new Select(browser.driver().findElement(By.id("share-audience"))).selectByValue("BOSS");
        new Select(browser.driver().findElement(By.id("share-scope"))).selectByValue("PROGRESS");
        browser.driver().findElement(By.id("share-content")).sendKeys(content);
        browser.driver()
                .findElement(By.cssSelector("#share-update button[type=submit]"))
                .click();
        browser.waitForText(By.id("shared-" + id), "PROGRESS");

        String waiting = seed.selected(newId("boss-budget"));

        browser.signIn("boss-ben");
        WebElement update =
                browser.waitForText(By.cssSelector("#update-list tr[data-engagement-id='" + id + "']"), content);
        assertThat(update.getText()).contains("PROGRESS").contains("coach-cole").contains("c-boss");
        WebElement row = browser.waitFor(By.cssSelector("#engagement-list tr[data-engagement-id='" + id + "']"));
        assertThat(row.getText())
                .contains("ACTIVE")
                .contains("DEVELOPMENTAL")
                .contains("coach-cole")
                .contains("8 sessions, 9600.00 EUR");
        browser.waitFor(By.cssSelector("#engagement-list tr[data-engagement-id='" + waiting + "']"));
        assertThat(browser.dom()).as("no session note in the boss page").doesNotContain(note);
        screenshotForDocs("boss");

        browser.signIn("boss-bea");
        browser.waitUntil(d -> d.findElement(By.id("engagements")).getText().contains("Loading") ? null : true);
        assertThat(browser.dom()).as("another boss").doesNotContain(id).doesNotContain(content);
    }

    @Test
    void theBossRequestsAnUpdateThatTheCoachThenSees() {
        String id = seed.active(newId("boss-request"));
        String message = newId("how-is-it-going");

        browser.signIn("boss-ben");
        waitForOption("request-engagement", id);
        new Select(browser.driver().findElement(By.id("request-engagement"))).selectByValue(id);
        new Select(browser.driver().findElement(By.id("request-scope"))).selectByValue("GOALS");
        browser.driver().findElement(By.id("request-message")).sendKeys(message);
        browser.driver()
                .findElement(By.cssSelector("#request-update button[type=submit]"))
                .click();

        WebElement status = browser.waitForText(By.id("status"), "Update requested on " + id + " (GOALS");
        assertThat(status.getAttribute("data-kind")).isEqualTo("ok");
        JsonNode requests = awaitOpenRequest(id);
        assertThat(requests.get(0).get("audience").asText()).isEqualTo("BOSS");
        assertThat(requests.get(0).get("scope").asText()).isEqualTo("GOALS");
        assertThat(requests.get(0).get("message").asText()).isEqualTo(message);
        assertThat(requests.get(0).get("requestedBy").asText()).isEqualTo("boss-ben");

        browser.signIn("coach-cole");
        assertThat(browser.waitForText(By.id("requests-" + id), message).getText())
                .contains("boss-ben", "GOALS");
    }

    @Test
    void theBossApprovesABudgetOnceTheCoachesAreShortlisted() {
        String id = seed.selected(newId("boss-approve"));

        browser.signIn("boss-ben");
        waitForOption("budget-engagement", id);
        new Select(browser.driver().findElement(By.id("budget-engagement"))).selectByValue(id);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#engagement-list tr[data-engagement-id='" + id + "'] .budget"))
                        .getText())
                .isEqualTo("—");
        browser.driver().findElement(By.id("budget-sessions")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "6");
        browser.driver().findElement(By.id("budget-amount")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "7200.50");
        browser.driver()
                .findElement(By.id("budget-currency"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), "eur", Keys.ENTER);

        WebElement status =
                browser.waitForText(By.id("status"), "Budget approved on " + id + ": 6 sessions, 7200.50 EUR");
        assertThat(status.getAttribute("data-kind")).isEqualTo("ok");
        WebElement row = browser.waitForText(
                By.cssSelector("#engagement-list tr[data-engagement-id='" + id + "']"), "6 sessions, 7200.50 EUR");
        assertThat(row.getText()).contains("ACTIVE");
        assertThat(browser.driver().findElements(By.cssSelector("#budget-engagement option[value='" + id + "']")))
                .as("an approved engagement is no longer offered for a budget")
                .isEmpty();
        JsonNode budget =
                http.get("/api/v1/boss/engagements/" + id, "boss-ben").json().get("budget");
        assertThat(budget.get("sessions").asInt()).isEqualTo(6);
        assertThat(budget.get("amount").decimalValue()).isEqualByComparingTo("7200.50");
        assertThat(budget.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void aBudgetApprovedMeanwhileElsewhereIsTheLedgersConflictShownInTheStatus() {
        String id = seed.shortlisted(newId("boss-conflict"));

        browser.signIn("boss-ben");
        waitForOption("budget-engagement", id);
        new Select(browser.driver().findElement(By.id("budget-engagement"))).selectByValue(id);
        BossCoachSeed.expect(
                201,
                http.post(
                        BossCoachSeed.path(id, "budget-approval"),
                        "boss-ben",
                        "{\"sessions\":8,\"amount\":9600.00,\"currency\":\"EUR\"}"));
        browser.driver().findElement(By.id("budget-sessions")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
        browser.driver()
                .findElement(By.cssSelector("#approve-budget button[type=submit]"))
                .click();

        WebElement status = browser.waitForText(By.id("status"), "Conflict");
        assertThat(status.getAttribute("data-kind")).isEqualTo("error");
        browser.waitForText(
                By.cssSelector("#engagement-list tr[data-engagement-id='" + id + "'] .budget"),
                "8 sessions, 9600.00 EUR");
        assertThat(browser.driver().findElements(By.cssSelector("#budget-engagement option[value='" + id + "']")))
                .isEmpty();
    }

    /** The request as the coach's view shows it (the boss's own view shows no requests), polled by the browser's wait. */
    private JsonNode awaitOpenRequest(String id) {
        return browser.waitUntil(driver -> {
            JsonNode requests = http.get("/api/v1/coach/engagements/" + id, "coach-cole")
                    .json()
                    .get("openRequests");
            return requests.isEmpty() ? null : requests;
        });
    }
}
