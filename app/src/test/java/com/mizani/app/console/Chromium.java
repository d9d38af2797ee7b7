package com.mizani.app.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven by its own chromedriver (the two always match), never a downloaded browser.
 * Without them the browser tests are skipped, unless {@code MIZANI_BROWSER_TESTS=required} (CI sets it, after
 * installing them), where their absence fails the build.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where a run saves its screenshots; {@code -Dmizani.screenshots=../docs/screenshots} refreshes the docs' own. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("mizani.screenshots", "target/screenshots"));

    final ChromeDriver driver;
    private final String base;

    private Chromium(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Chromium open(int port, int width, int height) {
        return open("http://localhost:" + port, width, height);
    }

    /** A browser whose {@link #go} paths are relative to {@code base}, such as {@code http://127.0.0.1:8080}. */
    static Chromium open(String base, int width, int height) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "required".equals(System.getenv("MIZANI_BROWSER_TESTS"))) {
            throw new IllegalStateException("the browser tests are required, but " + BROWSER + " or " + DRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "no " + BROWSER + " and " + DRIVER + ": browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), base);
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** An element's text, read again if a live update replaced the element meanwhile. */
    String text(String css) {
        return waiting(Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    WebDriverWait waiting(Duration atMost) {
        // A live status is swapped in while the test reads it: an element gone stale is simply read again.
        WebDriverWait wait = new WebDriverWait(driver, atMost, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in on the sign-in page the console sends a signed-out browser to. */
    void signIn(String username, String password) {
        go("/");
        waiting(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/login"));
        type("#username", username);
        type("#password", password);
        find("form button[type=submit]").click();
        waiting(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Marks the page, so that a test can tell that what changed on it changed without a reload. */
    void mark() {
        driver.executeScript("window.mizaniMark = 'still here';");
    }

    boolean stillMarked() {
        return "still here".equals(driver.executeScript("return window.mizaniMark;"));
    }

    /** What the page's console said: a script or style the content security policy refused shows here. */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
