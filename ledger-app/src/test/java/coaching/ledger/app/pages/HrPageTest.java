package coaching.ledger.app.pages;

import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HR page: tiles and charts with k = 5 suppression, the coach roster, the engagement list with paging, filter,
 * sort and id search, updates shared with HR, HR's forms, and live changes from the HR stream without a reload.
 * The page stays open across the tests of this class (each HR user may hold 3 streams at a time, and a closed
 * tab's stream is only noticed at the next keep-alive), so each test sets the list's controls it needs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HrPageTest extends PagesTest {

    private static final String HR = "hr-hana";

    @BeforeEach
    void demoCoaches() {
        for (String coach : List.of("coach-cole", "coach-chen")) {
            registerCoach(coach);
        }
    }

    @Test
    void aChangeMadeThroughTheApiAppearsLiveWithoutAReload() {
        String id = newId("live");
        open(id, "client-cara", "boss-ben", "DEVELOPMENTAL");
        hrPage();
        markPage();
        showList(id, "", "10", "-openedAt");
        waitForRowStatus(id, "Opened");

        expect(201, http.post(path(id, "shortlist"), HR, "{\"coachIds\":[\"coach-cole\",\"coach-chen\"]}"));
        WebElement row = waitForRowStatus(id, "Shortlisted");
        assertThat(row.getText()).contains("coach-cole, coach-chen");

        String second = id + "-b";
        open(second, "client-carl", "boss-bea", "REMEDIAL");
        browser.waitForText(row(second), "Remedial");
        browser.waitForText(By.id("page-info"), "2 engagements");

        assertThat(pageMarker()).as("the page was not reloaded").isEqualTo("kept");
        assertThat(browser.driver().findElement(By.id("live")).getDomAttribute("data-state"))
                .isEqualTo("live");
    }

    @Test
    void theListFiltersByStatusSearchesByIdSortsAndPages() {
        String prefix = newId("page");
        for (int i = 1; i <= 7; i++) {
            open(prefix + "-" + i, "client-cara", "boss-ben", "DEVELOPMENTAL");
        }
        for (int i : List.of(2, 5)) {
            expect(201, http.post(path(prefix + "-" + i, "shortlist"), HR, "{\"coachIds\":[\"coach-cole\"]}"));
        }
        hrPage();

        showList(prefix, "", "5", "engagementId");
        browser.waitForText(By.id("page-info"), "Page 1 of 2 · 7 engagements");
        assertThat(rowIds()).containsExactlyElementsOf(ids(prefix, 1, 2, 3, 4, 5));

        browser.driver().findElement(By.id("next")).click();
        browser.waitForText(By.id("page-info"), "Page 2 of 2 · 7 engagements");
        assertThat(rowIds()).containsExactlyElementsOf(ids(prefix, 6, 7));
        assertThat(browser.driver().findElement(By.id("next")).isEnabled()).isFalse();

        browser.driver().findElement(By.id("prev")).click();
        browser.waitForText(By.id("page-info"), "Page 1 of 2 · 7 engagements");
        assertThat(rowIds()).containsExactlyElementsOf(ids(prefix, 1, 2, 3, 4, 5));

        new Select(browser.driver().findElement(By.id("filter-status"))).selectByValue("SHORTLISTED");
        browser.waitForText(By.id("page-info"), "Page 1 of 1 · 2 engagements");
        assertThat(rowIds()).containsExactlyElementsOf(ids(prefix, 2, 5));

        new Select(browser.driver().findElement(By.id("filter-status"))).selectByValue("");
        new Select(browser.driver().findElement(By.id("sort"))).selectByValue("status");
        browser.waitForText(By.id("page-info"), "Page 1 of 2 · 7 engagements");
        browser.waitUntil(d -> rowIds().equals(ids(prefix, 1, 3, 4, 6, 7)) ? true : null);

        showList(prefix + "-7", "", "5", "engagementId");
        browser.waitForText(By.id("page-info"), "Page 1 of 1 · 1 engagement");
        assertThat(rowIds()).containsExactly(prefix + "-7");

        showList(prefix + "-none", "", "5", "engagementId");
        browser.waitFor(By.id("no-engagements"));

        showList("bad id!", "", "5", "engagementId");
        browser.waitForText(By.id("status"), "engagementId");
        assertThat(browser.driver().findElement(By.id("status")).getDomAttribute("data-kind"))
                .isEqualTo("error");
    }

    @Test
    void registersACoachOpensAnEngagementAndShortlistsThroughTheForms() {
        hrPage();
        String coach = newId("coach");
        fill("coach-id", coach);
        fill("coach-name", "Dana Coach");
        fill("coach-years", "7");
        fill("coach-cert-body", "ICF");
        fill("coach-cert-credential", "ACC");
        fill("coach-specialties", "leadership, transitions");
        submit("register-coach");
        browser.waitForText(By.id("status"), "Coach " + coach + " is registered.");
        WebElement rosterRow = browser.waitFor(By.cssSelector("#coach-list tr[data-coach-id='" + coach + "']"));
        assertThat(rosterRow.getText()).contains("Dana Coach", "ICF ACC", "leadership, transitions");

        String id = newId("form");
        showList(id, "", "10", "-openedAt");
        fill("open-id", id);
        fill("open-client", "client-carl");
        fill("open-boss", "boss-bea");
        new Select(browser.driver().findElement(By.id("open-purpose"))).selectByValue("REMEDIAL");
        submit("open-engagement");
        browser.waitForText(By.id("status"), "Engagement " + id + " is open.");
        waitForRowStatus(id, "Opened");
        assertThat(browser.driver().findElement(row(id)).getText()).contains("client-carl", "boss-bea", "Remedial");
        assertThat(browser.driver().findElement(By.id("shortlist-engagement")).getDomProperty("value"))
                .as("the opened engagement is ready to shortlist")
                .isEqualTo(id);

        fill("shortlist-coaches", coach + ", coach-cole");
        browser.driver().findElement(By.id("shortlist-coaches")).sendKeys(Keys.ENTER);
        browser.waitForText(By.id("status"), "Shortlisted " + coach + ", coach-cole for " + id + ".");
        assertThat(waitForRowStatus(id, "Shortlisted").getText()).contains(coach + ", coach-cole");

        fill("open-id", id);
        fill("open-client", "client-cara");
        fill("open-boss", "boss-ben");
        submit("open-engagement");
        browser.waitUntil(
                d -> "error".equals(d.findElement(By.id("status")).getDomAttribute("data-kind")) ? true : null);

        fill("shortlist-engagement", id);
        fill("shortlist-coaches", newId("nobody"));
        submit("shortlist");
        browser.waitUntil(
                d -> "error".equals(d.findElement(By.id("status")).getDomAttribute("data-kind")) ? true : null);
    }

    @Test
    void updatesSharedWithHrAppearLiveAndSessionNotesNever() {
        String coach = "coach-cole";
        String note = "NOTE-" + newId("secret");
        String comment = "COMMENT-" + newId("secret");
        String content = "Delegating more, on track " + newId("u");
        hrPage();
        markPage();

        String id = activeEngagement(coach, 8);
        showList(id, "", "10", "-openedAt");
        waitForRowStatus(id, "Active");
        expect(201, http.post(path(id, "sessions"), coach, """
                {"sessionId":"s-1","heldOn":"%s","durationMinutes":60,"notes":"%s"}""".formatted(
                        LocalDate.now().minusDays(1), note)));
        expect(201, http.post(path(id, "consents"), "client-cara", """
                {"consentId":"c-hr","audience":"HR","scopes":["PROGRESS"],"purpose":"programme review"}"""));
        expect(201, http.post(path(id, "updates"), coach, """
                {"updateId":"u-hr","audience":"HR","scope":"PROGRESS","content":"%s"}""".formatted(content)));
        expect(201, http.post(path(id, "satisfaction"), "client-cara", """
                {"score":4,"comment":"%s"}""".formatted(comment)));

        WebElement update = browser.waitForText(By.cssSelector("#update-list tr[data-update-id='u-hr']"), content);
        assertThat(update.getText()).contains(id, "PROGRESS", coach, "c-hr");
        WebElement row = browser.waitForText(row(id), "8 sessions, 12000");
        browser.waitUntil(d -> d.findElement(row(id)).getText().contains(" 4 ") ? true : null);
        assertThat(row.getText()).contains(coach, "EUR");
        assertThat(pageMarker()).isEqualTo("kept");

        String dom = browser.dom();
        assertThat(dom).doesNotContain(note).doesNotContain(comment);
    }

    /** Last, so the page holds every test's engagements: a programme with some cells shown, some suppressed. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aPopulatedPageForTheDocs() {
        for (int i = 0; i < 5; i++) {
            String id = activeEngagement("coach-cole", 6);
            expect(201, http.post(path(id, "satisfaction"), "client-cara", "{\"score\":4}"));
        }
        hrPage();
        showList("", "", "10", "-openedAt");
        String id = newId("eng");
        fill("open-id", id);
        fill("open-client", "client-cara");
        fill("open-boss", "boss-ben");
        submit("open-engagement");
        browser.waitForText(By.id("status"), "Engagement " + id + " is open.");
        browser.waitFor(row(id));
        browser.waitUntil(
                d -> d.findElement(By.cssSelector("#chart-satisfaction tr[data-cell='satisfaction:4'] td.count"))
                                .getText()
                                .matches("\\d+")
                        ? true
                        : null);
        browser.waitUntil(d ->
                d.findElement(By.cssSelector("#tile-ACTIVE .value")).getText().matches("\\d+") ? true : null);
        ((JavascriptExecutor) browser.driver()).executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        screenshotForDocs("hr");
    }

    @Test
    void theRosterAveragesOnlyFromThreeScores() {
        String rated = newId("coach");
        String fresh = newId("coach");
        registerCoach(rated);
        registerCoach(fresh);
        for (int score : List.of(5, 4, 4)) {
            String id = activeEngagement(rated, 2);
            expect(201, http.post(path(id, "satisfaction"), "client-cara", "{\"score\":%d}".formatted(score)));
        }
        hrPage();

        browser.waitForText(By.cssSelector("#coach-list tr[data-coach-id='" + rated + "']"), "4.33");
        WebElement unrated = browser.waitFor(By.cssSelector("#coach-list tr[data-coach-id='" + fresh + "']"));
        assertThat(unrated.findElement(By.cssSelector(".suppressed")).getText()).isEqualTo("fewer than 3 scores");
    }

    @Test
    void aSuppressedCellReadsAsSuppressedAndTheTilesRefreshLive() {
        hrPage();
        markPage();
        JsonNode dashboard = expect(200, http.get("/api/v1/hr/dashboard", HR)).json();
        String suppressed = null;
        for (String score : List.of("1", "2", "3", "4", "5")) {
            if (dashboard.get("satisfaction").get(score).get("suppressed").asBoolean()) {
                suppressed = score;
            }
        }
        assertThat(suppressed)
                .as("a satisfaction score with fewer than 5 engagements")
                .isNotNull();
        WebElement cell = browser.waitFor(
                By.cssSelector("#chart-satisfaction tr[data-cell='satisfaction:" + suppressed + "'] td.count"));
        assertThat(cell.getText()).isEqualTo("fewer than 5");
        assertThat(cell.getDomAttribute("class")).contains("suppressed");
        for (WebElement tile : browser.driver().findElements(By.cssSelector("#tiles .tile .value"))) {
            assertThat(tile.getText()).matches("\\d+|fewer than 5");
            if (tile.getText().equals("fewer than 5")) {
                assertThat(tile.getDomAttribute("class")).contains("suppressed");
            }
        }

        // Five more engagements while the page is open: the OPENED tile and the purpose chart follow without a reload.
        for (int i = 0; i < 5; i++) {
            open(newId("k"), "client-cara", "boss-ben", "DEVELOPMENTAL");
        }
        browser.waitUntil(d -> {
            JsonNode now = http.get("/api/v1/hr/dashboard", HR).json();
            JsonNode opened = now.get("byStatus").get("OPENED");
            JsonNode developmental = now.get("byPurpose").get("DEVELOPMENTAL");
            String tile = d.findElement(By.cssSelector("#tile-OPENED .value")).getText();
            String bar = d.findElement(By.cssSelector("#chart-purpose tr[data-cell='purpose:DEVELOPMENTAL'] td.count"))
                    .getText();
            return !opened.get("suppressed").asBoolean()
                            && tile.equals(opened.get("count").asText())
                            && bar.equals(developmental.get("count").asText())
                    ? true
                    : null;
        });
        assertThat(pageMarker()).as("the page was not reloaded").isEqualTo("kept");
    }

    // ---- helpers ----

    /** Signs in as HR once and keeps the page open (and its one stream) for the class's tests. */
    private void hrPage() {
        if (!browser.driver().getCurrentUrl().endsWith("/hr")) {
            browser.signIn(HR);
        }
        browser.waitForText(By.id("who"), HR + " (HR)");
        browser.waitUntil(d -> "live".equals(d.findElement(By.id("live")).getDomAttribute("data-state")) ? true : null);
    }

    private void markPage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.hrPageMarker = 'kept';");
    }

    private String pageMarker() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return window.hrPageMarker;");
    }

    /** Sets the list's controls; typing the search and Enter submits them all. */
    private void showList(String prefix, String status, String size, String sort) {
        new Select(browser.driver().findElement(By.id("filter-status"))).selectByValue(status);
        new Select(browser.driver().findElement(By.id("sort"))).selectByValue(sort);
        new Select(browser.driver().findElement(By.id("page-size"))).selectByValue(size);
        WebElement search = browser.driver().findElement(By.id("search"));
        search.clear();
        search.sendKeys(prefix, Keys.ENTER);
    }

    private List<String> rowIds() {
        return browser.driver().findElements(By.cssSelector("#engagement-list tr[data-engagement-id]")).stream()
                .map(tr -> tr.getDomAttribute("data-engagement-id"))
                .toList();
    }

    private static List<String> ids(String prefix, int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> prefix + "-" + n).toList();
    }

    private static By row(String engagementId) {
        return By.cssSelector("#engagement-list tr[data-engagement-id='" + engagementId + "']");
    }

    /** Waits for the row's status and answers the row. */
    private WebElement waitForRowStatus(String engagementId, String status) {
        browser.waitForText(
                By.cssSelector("#engagement-list tr[data-engagement-id='" + engagementId + "'] .status"), status);
        return browser.driver().findElement(row(engagementId));
    }

    private void fill(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void submit(String formId) {
        browser.driver()
                .findElement(By.cssSelector("#" + formId + " button[type=submit]"))
                .click();
    }

    private void registerCoach(String coach) {
        LedgerHttp.Response response = http.post("/api/v1/coaches", HR, """
                {"coachId":"%s","displayName":"%s","certifications":[{"body":"ICF","credential":"PCC","validUntil":"2030-01-01"}],
                 "yearsExperience":10,"specialties":["leadership"]}""".formatted(coach, coach));
        // 409: registered by another page test with other details first (one ledger serves every page test)
        assertThat(response.status()).as(response.toString()).isIn(200, 201, 409);
    }

    private void open(String id, String client, String boss, String purpose) {
        expect(201, http.post("/api/v1/engagements", HR, """
                {"engagementId":"%s","clientId":"%s","bossId":"%s","purpose":"%s","urgency":"NORMAL"}""".formatted(id, client, boss, purpose)));
    }

    /** An engagement of client-cara and boss-ben with the coach selected and a budget: ACTIVE. */
    private String activeEngagement(String coach, int sessions) {
        String id = newId("active");
        open(id, "client-cara", "boss-ben", "DEVELOPMENTAL");
        expect(201, http.post(path(id, "shortlist"), HR, "{\"coachIds\":[\"%s\"]}".formatted(coach)));
        expect(201, http.post(path(id, "coach-selection"), "client-cara", "{\"coachId\":\"%s\"}".formatted(coach)));
        expect(201, http.post(path(id, "budget-approval"), "boss-ben", """
                {"sessions":%d,"amount":12000.00,"currency":"EUR"}""".formatted(sessions)));
        return id;
    }

    private static String path(String engagementId, String action) {
        return "/api/v1/engagements/" + engagementId + "/" + action;
    }

    private static LedgerHttp.Response expect(int status, LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
