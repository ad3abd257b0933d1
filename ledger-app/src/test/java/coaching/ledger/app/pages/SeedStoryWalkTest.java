package coaching.ledger.app.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static coaching.ledger.app.pages.PageSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's story walked through the pages alone, each step by the person who takes it: HR opens and shortlists,
 * the client selects and grants, the boss approves the budget, the coach logs a session and shares an update, the
 * client sees the disclosure and revokes; the session's note never reaches the HR, boss or compliance page.
 */
class SeedStoryWalkTest extends PagesTest {

    @Test
    void theStoryFromOpeningToRevocationThroughThePages() {
        registerDemoCoaches();
        String id = newId("walk");
        String note = newId("walk-note");
        String content = newId("walk-update");

        // HR opens the engagement and shortlists two coaches
        browser.signIn("hr-hana");
        type("open-id", id);
        type("open-client", "client-cara");
        type("open-boss", "boss-ben");
        submit("open-engagement");
        browser.waitForText(By.id("status"), id);
        type("shortlist-engagement", id);
        type("shortlist-coaches", "coach-cole, coach-chen");
        browser.driver().findElement(By.id("shortlist-coaches")).sendKeys(Keys.ENTER);
        browser.waitForText(By.id("status"), "coach-chen");
        type("search", id);
        browser.driver().findElement(By.id("search")).sendKeys(Keys.ENTER);
        hasStatus(id, "SHORTLISTED");

        // the client chooses coach-cole
        browser.signIn("client-cara");
        choose(id);
        browser.waitFor(By.id("coach-coach-cole")).click();
        submit("select-coach");
        browser.waitForText(By.id("status"), "You chose coach-cole as your coach.");

        // the boss approves the budget: the engagement is active
        browser.signIn("boss-ben");
        waitForOption("budget-engagement", id);
        new Select(browser.driver().findElement(By.id("budget-engagement"))).selectByValue(id);
        submit("approve-budget");
        hasStatus(id, "ACTIVE");

        // the client lets the boss hear about progress
        browser.signIn("client-cara");
        choose(id);
        grant("BOSS", List.of("PROGRESS"), "quarterly review", null);
        browser.waitForText(By.id("status"), "granted: BOSS may be told PROGRESS");

        // the coach logs a session and shares an update with the boss, seeing the consent in force first
        browser.signIn("coach-cole");
        logSession(id, note);
        browser.waitForText(By.id("sessions-" + id), note);
        new Select(browser.driver().findElement(By.id("share-engagement"))).selectByValue(id);
        browser.waitForText(By.id("consent-list"), "quarterly review");
        shareUpdate(id, "BOSS", "PROGRESS", content);
        browser.waitForText(By.id("status"), "shared with BOSS (PROGRESS) on " + id);

        // the boss reads the update; the note is not on the page
        browser.signIn("boss-ben");
        showsAfterReading("/boss", By.id("updates"), content);
        assertThat(browser.dom()).doesNotContain(note);

        // the client sees who saw what, under which consent, and revokes it
        browser.signIn("client-cara");
        choose(id);
        reloadUntil(id, By.id("disclosures"), content);
        WebElement consent = browser.waitFor(By.cssSelector("#consents tr[data-consent-id]"));
        String consentId = consent.getAttribute("data-consent-id");
        assertThat(browser.driver().findElement(By.id("disclosures")).getText()).contains("boss-ben", consentId);
        consent.findElement(By.cssSelector("form.revoke button[type=submit]")).click();
        browser.waitForText(By.id("status"), "Consent " + consentId + " revoked");

        // HR and compliance never see the note; compliance sees the disclosure's consent trace
        browser.signIn("hr-hana");
        type("search", id);
        browser.driver().findElement(By.id("search")).sendKeys(Keys.ENTER);
        hasStatus(id, "ACTIVE");
        assertThat(browser.dom()).doesNotContain(note).doesNotContain(content);
        browser.signIn("compliance-cy");
        type("engagement-filter", id);
        browser.driver().findElement(By.id("engagement-filter")).sendKeys(Keys.ENTER);
        browser.waitForText(By.id("disclosures"), consentId);
        assertThat(browser.dom()).doesNotContain(note).doesNotContain(content);
    }

    /** The page's row of the engagement carries the status (pages show it in words, the attribute as the API says). */
    private static void hasStatus(String engagementId, String status) {
        // read in the page: a live page replaces its rows, so an element found a moment ago may be gone
        browser.waitUntil(driver -> status.equals(((JavascriptExecutor) driver)
                        .executeScript(
                                "const row = document.querySelector(`tr[data-engagement-id='${arguments[0]}']`);"
                                        + " return row ? row.dataset.status : null;",
                                engagementId))
                ? true
                : null);
    }

    /** A page shows its view as read when opened: it is opened again until the view caught up with the text. */
    private static void showsAfterReading(String page, By where, String text) {
        browser.waitUntil(driver -> {
            if (!driver.findElements(where).isEmpty()
                    && driver.findElement(where).getText().contains(text)) {
                return true;
            }
            browser.open(page);
            return null;
        });
    }

    private static void type(String field, String text) {
        WebElement input = browser.waitFor(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private static void submit(String form) {
        browser.driver()
                .findElement(By.cssSelector("#" + form + " button[type=submit]"))
                .click();
    }
}
