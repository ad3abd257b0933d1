package coaching.ledger.app.pages;

import coaching.ledger.platform.testing.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;

import static coaching.ledger.app.pages.PageSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's privacy page: the client chooses their coach, grants and revokes consents, and sees who saw what
 * about them (with a receipt for each disclosure) and every refused attempt; another client sees none of it.
 */
class ClientPageTest extends PagesTest {

    @Test
    void theClientSelectsGrantsSeesWhoSawWhatDownloadsAReceiptAndRevokes() {
        String id = shortlistedEngagementOfCara();
        browser.signIn("client-cara");
        choose(id);

        // 2. the client's step of the story: choose a coach from the shortlist
        browser.waitFor(By.id("coach-coach-cole")).click();
        browser.driver()
                .findElement(By.cssSelector("#select-coach button[type=submit]"))
                .click();
        browser.waitForText(By.id("status"), "You chose coach-cole as your coach.");
        browser.waitForText(By.id("selected-coach"), "coach-cole");
        assertThat(browser.driver().findElement(By.id("selection")).isDisplayed())
                .isFalse();

        // the boss approves the budget, the coach logs a session, the boss asks for an update
        expect(201, http.post(path(id, "budget-approval"), "boss-ben", """
                {"sessions":8,"amount":9600,"currency":"EUR"}"""));
        expect(201, http.post(path(id, "sessions"), "coach-cole", """
                {"sessionId":"s-1","heldOn":"%s","durationMinutes":60,"notes":"Worked on delegation with Cara."}""".formatted(
                        LocalDate.now().minusDays(1))));
        expect(201, http.post(path(id, "update-requests"), "boss-ben", """
                {"requestId":"r-1","scope":"GOALS","message":"Which goals did you agree?"}"""));
        reloadUntil(id, By.id("sessions"), "Worked on delegation with Cara.");
        reloadUntil(id, By.id("requests"), "Which goals did you agree?");
        browser.waitForText(By.id("engagement-status"), "ACTIVE");

        // 4. grant a consent to the boss (with an end date) and one to HR (until revoked)
        grant(
                "BOSS",
                List.of("PROGRESS", "ATTENDANCE"),
                "quarterly review",
                LocalDate.now().plusMonths(6));
        browser.waitForText(By.id("status"), "granted: BOSS may be told ATTENDANCE, PROGRESS");
        String bossConsent = consentIdShowing("quarterly review");
        WebElement bossRow = consentRow(bossConsent);
        assertThat(bossRow.getAttribute("data-state")).isEqualTo("ACTIVE");
        assertThat(bossRow.getText()).contains("BOSS", "ATTENDANCE, PROGRESS").doesNotContain("until revoked");
        grant("HR", List.of("ATTENDANCE"), "programme attendance", null);
        browser.waitForText(By.id("status"), "granted: HR may be told ATTENDANCE");
        assertThat(consentRow(consentIdShowing("programme attendance")).getText())
                .contains("until revoked");

        // the coach shares an update; 5. it appears with the consent it relied on
        expect(201, http.post(path(id, "updates"), "coach-cole", """
                {"updateId":"u-1","audience":"BOSS","scope":"PROGRESS","content":"Delegating more; on track."}"""));
        reloadUntil(id, By.id("disclosures"), "Delegating more; on track.");
        WebElement disclosure = browser.waitFor(By.cssSelector("#disclosures tr[data-update-id='u-1']"));
        assertThat(disclosure.getText()).contains("boss-ben (BOSS)", "PROGRESS", bossConsent, "coach-cole");
        WebElement consentLink = disclosure.findElement(By.cssSelector("a.consent-link"));
        assertThat(consentLink.getAttribute("href")).endsWith("#consent-" + bossConsent);
        browser.waitForText(By.id("recipients"), "boss-ben");

        // the receipt: fetched by the page, checked to be a tlog-proof, offered as a file
        disclosure.findElement(By.cssSelector("button.receipt")).click();
        browser.waitForText(By.id("status"), "Receipt for u-1 downloaded as receipt-" + id + "-u-1.txt");
        assertThat(browser.driver().findElement(By.id("status")).getText()).contains("c2sp.org/tlog-proof@v1");
        WebElement file = browser.waitFor(By.cssSelector("#disclosures a.receipt-file[data-update-id='u-1']"));
        assertThat(file.getAttribute("href")).startsWith("blob:");
        assertThat(file.getAttribute("download")).isEqualTo("receipt-" + id + "-u-1.txt");
        assertThat(file.getAttribute("data-header")).isEqualTo("c2sp.org/tlog-proof@v1");
        assertThat(http.get(path("/api/v1/client/engagements/" + id, "disclosures/u-1/receipt"), "client-cara")
                        .body())
                .startsWith("c2sp.org/tlog-proof@v1");

        // the consent link leads to the consent it names
        consentLink.click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("#consent-" + bossConsent) ? true : null);

        // revoke the boss's consent, with a reason
        WebElement revoke = consentRow(bossConsent).findElement(By.cssSelector("form.revoke"));
        revoke.findElement(By.name("reason")).sendKeys("changed my mind");
        revoke.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.id("status"), "Consent " + bossConsent + " revoked");
        browser.waitUntil(d -> "REVOKED".equals(consentState(bossConsent)) ? true : null);
        assertThat(consentRow(bossConsent).getText()).contains("changed my mind");
        assertThat(consentRow(bossConsent).findElements(By.cssSelector("form.revoke")))
                .isEmpty();

        // a share after the revocation is refused, and the client sees who tried
        expect(403, http.post(path(id, "updates"), "coach-cole", """
                {"updateId":"u-2","audience":"BOSS","scope":"PROGRESS","content":"Not for the boss any more."}"""));
        reloadUntil(id, By.id("refusals"), "CONSENT_REVOKED");
        WebElement refusal = browser.waitFor(By.cssSelector("#refusals tr[data-update-id='u-2']"));
        assertThat(refusal.getText()).contains("coach-cole", "BOSS", "PROGRESS", "CONSENT_REVOKED");
        assertThat(browser.dom()).doesNotContain("Not for the boss any more.");

        // 6. satisfaction, rated with the keyboard (Enter submits)
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("rate-score"))).selectByValue("4");
        browser.driver().findElement(By.id("rate-comment")).sendKeys("Helpful and kind", Keys.ENTER);
        browser.waitForText(By.id("status"), "Thank you: you rated 4 of 5.");
        browser.waitForText(By.id("satisfaction"), "You rated this engagement 4 of 5: “Helpful and kind”");

        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('consents-title').scrollIntoView()");
        screenshotForDocs("client");
    }

    @Test
    void anAnswerTheApiRefusesIsSaidInTheStatusLine() {
        String id = shortlistedEngagementOfCara();
        browser.signIn("client-cara");
        choose(id);

        // rating before the engagement was ever active: the API answers 409 and the page says why
        browser.waitFor(By.cssSelector("#rate button[type=submit]")).click();
        browser.waitUntil(d -> "error".equals(d.findElement(By.id("status")).getAttribute("data-kind")) ? true : null);
        assertThat(browser.driver().findElement(By.id("status")).getText()).isNotBlank();

        // a consent without any scope is not sent
        browser.driver().findElement(By.id("consent-purpose")).sendKeys("nothing chosen", Keys.ENTER);
        browser.waitForText(By.id("status"), "Choose at least one thing they may be told.");
    }

    @Test
    void aClosedEngagementShowsItsConsentsEndedAndOffersNoGrant() {
        String id = shortlistedEngagementOfCara();
        expect(201, http.post(path(id, "coach-selection"), "client-cara", """
                {"coachId":"coach-chen"}"""));
        expect(201, http.post(path(id, "budget-approval"), "boss-ben", """
                {"sessions":4,"amount":4800,"currency":"EUR"}"""));
        expect(201, http.post(path(id, "consents"), "client-cara", """
                {"consentId":"c-closed","audience":"HR","scopes":["OUTCOME"],"purpose":"final report"}"""));
        expect(201, http.post(path(id, "closure"), "boss-ben", """
                {"outcome":"COMPLETED","reason":"goals met"}"""));
        browser.signIn("client-cara");
        choose(id);

        reloadUntil(id, By.id("engagement-status"), "CLOSED");
        browser.waitUntil(d -> "ENDED".equals(consentState("c-closed")) ? true : null);
        assertThat(browser.driver().findElement(By.id("consents-closed")).isDisplayed())
                .isTrue();
        assertThat(browser.driver().findElement(By.id("grant-consent")).isDisplayed())
                .isFalse();
        assertThat(consentRow("c-closed").findElements(By.cssSelector("form.revoke")))
                .isEmpty();
        assertThat(browser.driver().findElement(By.id("overview")).getText()).contains("COMPLETED", "goals met");
        assertThat(browser.driver().findElement(By.id("selected-coach")).getText())
                .isEqualTo("coach-chen");
    }

    @Test
    void anotherClientNeverSeesCarasEngagement() {
        String id = shortlistedEngagementOfCara();
        browser.signIn("client-cara");
        choose(id);

        browser.signIn("client-carl");
        browser.waitForText(By.id("who"), "client-carl (CLIENT)");
        browser.waitUntil(d -> d.findElements(By.cssSelector("#engagements li")).isEmpty() ? null : true);
        assertThat(browser.driver().findElements(By.cssSelector("[data-engagement-id='" + id + "']")))
                .isEmpty();

        browser.open("/client#engagement=" + id);
        browser.waitForText(By.id("status"), "No engagement " + id + " of yours.");
        assertThat(browser.driver().findElement(By.id("engagement")).isDisplayed())
                .isFalse();
        assertThat(browser.dom()).doesNotContain("coach-chen");
    }

    private String consentIdShowing(String purpose) {
        return browser.waitUntil(d -> d.findElements(By.cssSelector("#consents tr[data-consent-id]")).stream()
                .filter(row -> row.getText().contains(purpose))
                .map(row -> row.getAttribute("data-consent-id"))
                .findFirst()
                .orElse(null));
    }

    /** The state the page shows for a consent, read in the page (never a stale element while it re-renders). */
    private String consentState(String consentId) {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const row = document.querySelector(`#consents tr[data-consent-id='${arguments[0]}']`);"
                                + " return row ? row.dataset.state : null;",
                        consentId);
    }

    private WebElement consentRow(String consentId) {
        return browser.driver().findElement(By.cssSelector("#consents tr[data-consent-id='" + consentId + "']"));
    }

    private static String path(String engagementId, String suffix) {
        return (engagementId.startsWith("/") ? engagementId : "/api/v1/engagements/" + engagementId) + "/" + suffix;
    }

    private static LedgerHttp.Response expect(int status, LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    /** An engagement of client-cara and boss-ben, opened by hr-hana, shortlisting coach-cole and coach-chen. */
    private String shortlistedEngagementOfCara() {
        registerDemoCoaches();
        String id = newId("client-page");
        expect(201, http.post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"client-cara","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(id)));
        expect(201, http.post(path(id, "shortlist"), "hr-hana", """
                {"coachIds":["coach-cole","coach-chen"]}"""));
        return id;
    }
}
