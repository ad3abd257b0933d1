package coaching.ledger.app.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page as admin-ada: every projection's status, and a replay followed until the view has caught up. */
class AdminPageTest extends PagesTest {

    @Test
    void theProjectionsAreListedAndAReplayIsFollowedUntilItFinishes() {
        // something for the views to hold: an engagement opened through the API
        String engagement = newId("eng");
        assertThat(http.post("/api/v1/engagements", "hr-hana", """
                        {"engagementId":"%s","clientId":"client-carl","bossId":"boss-bea","purpose":"DEVELOPMENTAL","urgency":"LOW"}""".formatted(engagement))
                        .status())
                .isEqualTo(201);

        browser.signIn("admin-ada");
        assertThat(browser.path()).isEqualTo("/admin");

        for (String view : new String[] {"hr", "boss", "client", "coach", "compliance"}) {
            WebElement row = browser.waitFor(By.cssSelector("tr[data-projection='" + view + "']"));
            assertThat(row.findElement(By.cssSelector("button[data-replay]")).getText())
                    .isEqualTo("Replay");
        }
        By coach = By.cssSelector("tr[data-projection='coach']");
        browser.waitUntil(
                driver -> "caught-up".equals(driver.findElement(coach).getAttribute("data-state")) ? true : null);
        assertThat(browser.driver().findElement(coach).getText()).contains("caught up");
        browser.waitUntil(driver -> !driver.findElement(By.cssSelector("tr[data-projection='hr'] td:nth-of-type(2)"))
                        .getText()
                        .equals("—")
                ? true
                : null);

        browser.driver()
                .findElement(By.cssSelector("button[data-replay='coach']"))
                .click();
        browser.waitForText(By.id("status"), "Replay of coach");
        browser.waitForText(By.id("status"), "Replay of coach finished: caught up at position");
        WebElement row = browser.driver().findElement(coach);
        assertThat(row.getAttribute("data-state")).isEqualTo("caught-up");
        assertThat(row.findElement(By.cssSelector("button[data-replay]")).isEnabled())
                .isTrue();
        assertThat(browser.driver().findElement(By.id("projections-section")).getAttribute("aria-busy"))
                .isEqualTo("false");

        browser.driver().findElement(By.id("refresh-projections")).click();
        browser.waitForText(By.id("status"), "Projection status refreshed.");
        screenshotForDocs("admin");
    }
}
