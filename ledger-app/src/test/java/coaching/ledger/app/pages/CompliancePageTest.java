package coaching.ledger.app.pages;

import coaching.ledger.platform.testing.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance console as compliance-cy: verification and its report, the latest signed checkpoint and the
 * verifier key, the disclosure ledger with its consent traces and filter, erasures and "Mark notified". Never a
 * session note or an update's content in the page. One extra client, client-erin, whose data the erasure test
 * erases: erasing a demo client would fence it off for every other page test of the shared ledger, so this class
 * runs on its own ledger.
 */
@TestPropertySource(
        properties = {
            "ledger.security.users[0].id=client-erin",
            "ledger.security.users[0].password={noop}demo",
            "ledger.security.users[0].role=CLIENT"
        })
class CompliancePageTest extends PagesTest {

    @Test
    void verificationCheckpointAndTheDisclosureLedgerWithItsConsentTraceNeverShowContent() {
        String noteMarker = "NOTE-" + UUID.randomUUID();
        String contentMarker = "CONTENT-" + UUID.randomUUID();
        String engagement = story("client-cara", "boss-ben", noteMarker, contentMarker);
        String other = story("client-cara", "boss-ben", noteMarker, contentMarker);
        // the coach shares with HR, whom no consent names: refused and recorded, without the content
        LedgerHttp.Response refused = http.post(path(other, "updates"), "coach-cole", """
                {"updateId":"u-9","audience":"HR","scope":"PROGRESS","content":"%s"}""".formatted(contentMarker));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        awaitApi("/api/v1/compliance/disclosures?engagementId=" + engagement, "\"u-1\"");
        awaitApi("/api/v1/compliance/disclosures?engagementId=" + other, "AUDIENCE_NOT_COVERED");

        browser.signIn("compliance-cy");
        assertThat(browser.path()).isEqualTo("/compliance");

        // verification: the button is disabled while it runs, then the report
        browser.waitFor(By.id("run-verification")).click();
        browser.waitForText(By.id("verdict"), "verified");
        assertThat(browser.driver().findElement(By.id("verdict")).getAttribute("data-verified"))
                .isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("verification-facts")).getText())
                .contains("Events checked");
        browser.waitFor(By.id("no-problems"));
        assertThat(browser.driver().findElement(By.id("run-verification")).isEnabled())
                .isTrue();
        assertThat(browser.driver().findElement(By.id("verification-progress")).isDisplayed())
                .isFalse();
        browser.waitForText(By.id("status"), "Verified:");

        // the latest signed checkpoint and the verifier key, each downloadable
        String origin = http.get("/api/v1/log/checkpoint", "compliance-cy")
                .body()
                .lines()
                .findFirst()
                .orElseThrow();
        assertThat(origin).isEqualTo("localhost/engagement-ledger");
        browser.waitForText(By.id("checkpoint"), origin);
        assertThat(browser.driver().findElement(By.id("checkpoint")).getText()).startsWith(origin + "\n");
        browser.waitForText(By.id("public-key"), "+");
        browser.driver().findElement(By.id("download-checkpoint")).click();
        browser.waitForText(By.id("status"), "Saved checkpoint.txt");
        browser.driver().findElement(By.id("download-public-key")).click();
        browser.waitForText(By.id("status"), "Saved ledger.pub");

        // the disclosure ledger: the update with the consent it relied on, and the refusal
        By ledgerOfEngagement = By.cssSelector("#disclosures [data-engagement-id='" + engagement + "']");
        By ledgerOfRefused = By.cssSelector("#disclosures [data-engagement-id='" + other + "']");
        WebElement disclosure =
                browser.waitFor(ledgerOfEngagement).findElement(By.cssSelector("tr[data-update-id='u-1']"));
        assertThat(disclosure.getText())
                .contains(
                        "boss-ben (BOSS)",
                        "PROGRESS",
                        "quarterly review",
                        "consent c-1",
                        "grant at index",
                        "state at disclosure ACTIVE");
        assertThat(browser.waitFor(ledgerOfRefused).getText())
                .contains("u-9", "AUDIENCE_NOT_COVERED", "coach-cole (COACH)");

        disclosure.findElement(By.cssSelector("button[data-receipt]")).click();
        browser.waitForText(By.id("status"), "Saved receipt-" + engagement + "-u-1.txt");

        // filtering by engagement, submitted with Enter; then all again
        WebElement filter = browser.driver().findElement(By.id("engagement-filter"));
        filter.sendKeys(engagement, Keys.ENTER);
        browser.waitForText(By.id("disclosure-summary"), "Engagement " + engagement + ".");
        assertThat(browser.driver().findElements(By.cssSelector("#disclosures article")))
                .hasSize(1);
        assertThat(browser.driver().findElements(ledgerOfRefused)).isEmpty();
        browser.driver().findElement(By.id("show-all")).click();
        browser.waitFor(ledgerOfRefused);
        filter.sendKeys("no-such-engagement", Keys.ENTER);
        browser.waitForText(By.id("disclosure-summary"), "No engagement no-such-engagement");

        assertThat(browser.dom()).doesNotContain(noteMarker).doesNotContain(contentMarker);

        browser.driver().findElement(By.id("show-all")).click();
        browser.waitFor(ledgerOfEngagement);
        browser.driver().findElement(By.id("run-verification")).click();
        browser.waitForText(By.id("verdict"), "verified");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        screenshotForDocs("compliance");
    }

    @Test
    void anErasureListsTheRecipientsToNotifyAndMarkNotifiedRecordsIt() {
        // an arbitrary client id (nobody signs in as it): its closed engagement can be erased; nobody to notify
        String stranger = newId("client-x");
        String strangers = open(stranger, "boss-bea");
        close(strangers);
        String strangerErasure = newId("er");
        expect(201, http.post("/api/v1/clients/" + stranger + "/erasure", "compliance-cy", """
                {"erasureId":"%s","reason":"ticket DPO-1"}""".formatted(
                        strangerErasure)));

        // client-erin shared an update with boss-bea: boss-bea must be told
        String noteMarker = "NOTE-" + UUID.randomUUID();
        String contentMarker = "CONTENT-" + UUID.randomUUID();
        String erins = story("client-erin", "boss-bea", noteMarker, contentMarker);
        close(erins);
        String erinErasure = newId("er");
        expect(201, http.post("/api/v1/clients/client-erin/erasure", "compliance-cy", """
                {"erasureId":"%s","reason":"ticket DPO-2"}""".formatted(erinErasure)));
        awaitApi("/api/v1/compliance/erasures?clientId=client-erin", erinErasure);
        awaitApi("/api/v1/compliance/erasures?clientId=" + stranger, strangerErasure);

        browser.signIn("compliance-cy");
        WebElement strangerCard = browser.waitFor(By.cssSelector("[data-erasure-id='" + strangerErasure + "']"));
        assertThat(strangerCard.getText()).contains(stranger, "ticket DPO-1", strangers, "nobody to notify");

        By erinCard = By.cssSelector("[data-erasure-id='" + erinErasure + "']");
        By bea = By.cssSelector("[data-erasure-id='" + erinErasure + "'] tr[data-recipient-id='boss-bea']");
        assertThat(browser.waitFor(erinCard).getText()).contains("client-erin", "ticket DPO-2", erins);
        assertThat(browser.waitFor(bea).getText()).contains("boss-bea (BOSS)", erins + " / u-1", "not notified yet");

        browser.driver()
                .findElement(By.cssSelector("[data-erasure-id='" + erinErasure + "'] [data-mark-notified='boss-bea']"))
                .click();
        browser.waitForText(By.id("status"), "boss-bea recorded as notified of erasure " + erinErasure);
        browser.waitForText(bea, "notified");
        assertThat(browser.driver()
                        .findElement(bea)
                        .findElement(By.cssSelector(".notified"))
                        .getAttribute("data-notified"))
                .isEqualTo("true");
        assertThat(browser.driver().findElement(bea).findElements(By.cssSelector("button")))
                .isEmpty();

        // the view has it too: after a refresh the notification is the recorded one, by compliance-cy
        awaitApi("/api/v1/compliance/erasures?clientId=client-erin", "\"notified\":true");
        browser.driver().findElement(By.id("refresh-erasures")).click();
        browser.waitForText(bea, "by compliance-cy");
        assertThat(browser.dom()).doesNotContain(noteMarker).doesNotContain(contentMarker);
    }

    /**
     * An active engagement of the client and boss with a session (the note carries a marker), a consent for the
     * boss's PROGRESS updates and an update shared under it (its content carries another marker).
     */
    private String story(String client, String boss, String noteMarker, String contentMarker) {
        String engagement = open(client, boss);
        expect(
                201,
                http.post(path(engagement, "shortlist"), "hr-hana", "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        expect(201, http.post(path(engagement, "coach-selection"), client, "{\"coachId\":\"coach-cole\"}"));
        expect(
                201,
                http.post(
                        path(engagement, "budget-approval"),
                        boss,
                        "{\"sessions\":8,\"amount\":9600,\"currency\":\"EUR\"}"));
        expect(201, http.post(path(engagement, "sessions"), "coach-cole", """
                {"sessionId":"s-1","heldOn":"2026-11-20","durationMinutes":60,"notes":"%s"}""".formatted(noteMarker)));
        expect(201, http.post(path(engagement, "consents"), client, """
                {"consentId":"c-1","audience":"BOSS","scopes":["PROGRESS"],"purpose":"quarterly review"}"""));
        expect(201, http.post(path(engagement, "updates"), "coach-cole", """
                {"updateId":"u-1","audience":"BOSS","scope":"PROGRESS","content":"%s"}""".formatted(contentMarker)));
        return engagement;
    }

    private String open(String client, String boss) {
        registerDemoCoaches();
        String engagement = newId("eng");
        expect(201, http.post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"%s","bossId":"%s","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(engagement, client, boss)));
        return engagement;
    }

    private void close(String engagement) {
        expect(
                201,
                http.post(path(engagement, "closure"), "hr-hana", "{\"outcome\":\"COMPLETED\",\"reason\":\"done\"}"));
    }

    /** Waits until the compliance view (which follows the store a moment later) answers with the text. */
    private void awaitApi(String path, String text) {
        browser.waitUntil(driver -> http.get(path, "compliance-cy").body().contains(text) ? true : null);
    }

    private static String path(String engagement, String action) {
        return "/api/v1/engagements/" + engagement + "/" + action;
    }

    private static LedgerHttp.Response expect(int status, LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
