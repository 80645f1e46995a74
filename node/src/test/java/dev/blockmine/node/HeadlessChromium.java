package dev.blockmine.node;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests, one per test class (the pages keep nothing in storage, so a test
 * that navigates to its own pages starts clean); the test is skipped, saying so, where chromium or chromium-driver is
 * missing. Every navigation (a get, a click, a search) must finish within 30 s, not Selenium's 300: a page that waits
 * for one of the browser's six connections to the node, held by the streams of pages left behind, fails at once.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How often a wait looks again: Selenium's 500 ms made most waits last half a second longer than the page took. */
    private static final Duration POLL = Duration.ofMillis(50);

    private HeadlessChromium() {
    }

    /** A browser with a window {@code width} × {@code height} and its profile in {@code profile}. */
    public static ChromeDriver open(Path profile, int width, int height) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /**
     * A wait of at most {@code timeout} that looks every 50 ms, and again when the page replaced the element it read
     * (the live tables are rebuilt as events arrive).
     */
    public static WebDriverWait waiting(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
