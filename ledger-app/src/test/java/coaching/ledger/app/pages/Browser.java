package coaching.ledger.app.pages;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

/**
 * A headless Debian Chromium driven through its own ChromeDriver (bin/install-browser installs both), one per
 * test class, given explicitly so Selenium Manager never looks for a browser on the network. A failing test
 * leaves a screenshot and the page's HTML under target/browser-failures/.
 */
public final class Browser implements AfterTestExecutionCallback, AfterAllCallback {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private ChromeDriver driver;
    private String base;

    /** Where the ledger under test answers, e.g. http://localhost:12345. */
    public void at(int port) {
        base = "http://localhost:" + port;
    }

    public WebDriver driver() {
        if (driver == null) {
            if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
                throw new IllegalStateException(
                        "no /usr/bin/chromium or /usr/bin/chromedriver: run bin/install-browser");
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-dev-shm-usage",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1280,1000");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
        }
        return driver;
    }

    /** Opens a path of the ledger, e.g. "/hr". */
    public void open(String path) {
        driver().get(base + path);
    }

    /** Signs in through the form on "/" as a demo user (password "demo"), starting from a fresh session. */
    public void signIn(String user) {
        signOut();
        open("/");
        WebElement name = waitFor(By.id("username"));
        name.sendKeys(user);
        driver().findElement(By.id("password")).sendKeys("demo");
        driver().findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().equals(base + "/") ? true : null);
    }

    /** Forgets the session: the next page is opened signed out. */
    public void signOut() {
        if (driver != null && base != null) {
            open("/assets/ledger.css");
            driver.manage().deleteAllCookies();
        }
    }

    public String path() {
        return driver().getCurrentUrl().substring(base.length());
    }

    public Cookie cookie(String name) {
        return driver().manage().getCookieNamed(name);
    }

    public WebElement waitFor(By locator) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until an element shows the text (the live pages change without a reload). */
    public WebElement waitForText(By locator, String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver().findElement(locator);
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), PATIENCE).until(condition::apply);
    }

    /** The whole document as the browser holds it now, scripts' changes included. */
    public String dom() {
        return driver().getPageSource();
    }

    /** A screenshot of the page as it is now (for the README's pictures and for failures). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.copy(
                    ((TakesScreenshot) driver())
                            .getScreenshotAs(OutputType.FILE)
                            .toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent() && driver != null) {
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            Path failures = Path.of("target", "browser-failures");
            screenshot(failures.resolve(name + ".png"));
            Files.writeString(failures.resolve(name + ".html"), dom());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
