package coaching.ledger.app.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.List;

import static coaching.ledger.app.pages.PagesTest.browser;

/** Steps of the story on the client's and the coach's pages, shared by their tests and the walk through all pages. */
final class PageSteps {

    private PageSteps() {}

    /** Chooses the engagement in the list once the view shows it there (the list is read when the page opens). */
    static void choose(String id) {
        By button = By.cssSelector("#engagements button[data-engagement-id='" + id + "']");
        browser.waitUntil(d -> {
            if (d.findElements(button).isEmpty()) {
                browser.open("/client");
                return null;
            }
            return true;
        });
        browser.waitFor(button).click();
        browser.waitUntil(d -> !reading(d)
                        && id.equals(d.findElement(By.id("engagement")).getAttribute("data-engagement-id"))
                        && d.findElement(By.id("engagement")).isDisplayed()
                ? true
                : null);
    }

    /** The page shows the engagement as read when chosen; choosing it again reads it again, until it shows the text. */
    static void reloadUntil(String id, By where, String text) {
        By button = By.cssSelector("#engagements button[data-engagement-id='" + id + "']");
        browser.waitUntil(d -> {
            if (reading(d)) {
                return null;
            }
            if (d.findElement(where).getText().contains(text)) {
                return true;
            }
            d.findElement(button).click();
            return null;
        });
    }

    /** The page is reading the engagement (aria-busy): what it shows is about to be replaced. */
    static boolean reading(WebDriver driver) {
        return "true".equals(driver.findElement(By.id("engagement")).getAttribute("aria-busy"));
    }

    static void grant(String audience, List<String> scopes, String purpose, LocalDate until) {
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("consent-audience")))
                .selectByValue(audience);
        for (String scope : scopes) {
            browser.driver().findElement(By.id("scope-" + scope)).click();
        }
        if (until != null) {
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('consent-until').value = arguments[0]", until.toString());
        }
        browser.driver().findElement(By.id("consent-purpose")).sendKeys(purpose);
        browser.driver()
                .findElement(By.cssSelector("#grant-consent button[type=submit]"))
                .click();
    }

    static void waitForOption(String select, String value) {
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + select + " option[value='" + value + "']")));
    }

    /** Logs a session through the form: engagement, notes, then the button (the date and id are prefilled). */
    static void logSession(String engagementId, String notes) {
        waitForOption("session-engagement", engagementId);
        new Select(browser.driver().findElement(By.id("session-engagement"))).selectByValue(engagementId);
        browser.driver().findElement(By.id("session-notes")).sendKeys(notes);
        browser.driver()
                .findElement(By.cssSelector("#log-session button[type=submit]"))
                .click();
    }

    static void shareUpdate(String engagementId, String audience, String scope, String content) {
        waitForOption("share-engagement", engagementId);
        new Select(browser.driver().findElement(By.id("share-engagement"))).selectByValue(engagementId);
        new Select(browser.driver().findElement(By.id("share-audience"))).selectByValue(audience);
        new Select(browser.driver().findElement(By.id("share-scope"))).selectByValue(scope);
        WebElement text = browser.driver().findElement(By.id("share-content"));
        text.clear();
        text.sendKeys(content);
        browser.driver()
                .findElement(By.cssSelector("#share-update button[type=submit]"))
                .click();
    }
}
