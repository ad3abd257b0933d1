package coaching.ledger.app.pages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "/" signs a person in with a form and sends each role to its page; no role opens another's page. */
class SignInTest extends PagesTest {

    private static final List<String> PAGES = List.of("/hr", "/client", "/boss", "/coach", "/compliance", "/admin");

    @ParameterizedTest
    @CsvSource({
        "hr-hana, /hr, HR",
        "client-cara, /client, CLIENT",
        "boss-ben, /boss, BOSS",
        "coach-cole, /coach, COACH",
        "compliance-cy, /compliance, COMPLIANCE",
        "admin-ada, /admin, ADMIN"
    })
    void eachRoleLandsOnItsPageAndNoOther(String user, String page, String role) {
        browser.signIn(user);

        assertThat(browser.path()).isEqualTo(page);
        browser.waitForText(By.id("who"), user + " (" + role + ")");
        assertThat(browser.cookie("JSESSIONID").isHttpOnly()).isTrue();
        for (String other : PAGES) {
            if (!other.equals(page)) {
                browser.open(other);
                assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                        .as(user + " opening " + other)
                        .isEqualTo("Not your page");
            }
        }
        browser.open("/");
        assertThat(browser.path())
                .as("a signed-in person opening / goes to their page")
                .isEqualTo(page);
    }

    @Test
    void aPageAskedForSignedOutSendsToTheSignInForm() {
        browser.signOut();
        browser.open("/compliance");

        assertThat(browser.path()).isEqualTo("/");
        browser.waitFor(By.id("username"));
    }

    @Test
    void aWrongPasswordIsSaidAndSignsNobodyIn() {
        browser.signOut();
        browser.open("/");
        browser.waitFor(By.id("username")).sendKeys("hr-hana");
        browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver()
                .findElement(By.cssSelector("#sign-in button[type=submit]"))
                .click();

        browser.waitForText(By.id("status"), "Sign-in failed");
        browser.open("/hr");
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signIn("hr-hana");
        browser.waitFor(By.cssSelector("#signed-in button")).click();

        browser.waitForText(By.id("status"), "You are signed out.");
        browser.open("/hr");
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    void theSignInFormWorksWithTheKeyboardAlone() {
        browser.signOut();
        browser.open("/");
        browser.waitFor(By.id("username")).sendKeys("coach-chen");
        browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys("demo", org.openqa.selenium.Keys.ENTER);

        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/coach") ? true : null);
    }

    @Test
    void pagesAnswerWithAStrictContentSecurityPolicyAndAreNeverCached() throws Exception {
        HttpResponse<String> signIn = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self'")
                .doesNotContain("unsafe");
        assertThat(signIn.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(signIn.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
        assertThat(signIn.body()).doesNotContain("<script>").doesNotContain("style=");
    }

    /**
     * The API takes the pages' session, but a write with it must echo the XSRF-TOKEN cookie: a foreign site can
     * make the browser send the cookie, never read it. HTTP Basic clients (no session cookie) need no token.
     */
    @Test
    void aWriteWithTheSessionNeedsTheCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browserLike = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        browserLike.send(
                HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> signedIn = browserLike.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=hr-hana&password=demo&_csrf=" + csrfCookie(cookies)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/hr");
        String coach = "{\"coachId\":\"" + newId("coach") + "\",\"displayName\":\"Page\",\"certifications\":[],"
                + "\"yearsExperience\":3,\"specialties\":[]}";

        HttpResponse<String> withoutToken = browserLike.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/coaches"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(coach))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withToken = browserLike.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/coaches"))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", csrfCookie(cookies))
                        .POST(HttpRequest.BodyPublishers.ofString(coach))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> me = browserLike.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("X-XSRF-TOKEN");
        assertThat(withToken.statusCode()).isEqualTo(201);
        assertThat(me.body()).contains("\"id\":\"hr-hana\"").contains("\"page\":\"/hr\"");
        assertThat(http.get("/api/v1/me", "boss-ben").headers().get("set-cookie"))
                .as("an HTTP Basic client never gets a session")
                .isNullOrEmpty();
    }

    private static String csrfCookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
    }
}
