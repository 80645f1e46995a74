package dev.blockmine.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.HeadlessChromium;
import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.mining.Submission;
import dev.blockmine.pow.ProofRule;

/**
 * The dashboard in a real headless Chromium: a block mined while the page is open shows up without a reload, and a
 * page left behind gives its event stream back at once and catches up when shown again.
 * Needs Debian's chromium and chromium-driver (.ci/run installs them); skipped, saying so, where they are missing.
 */
@TestPropertySource(properties = "node.difficulty=3")
class DashboardBrowserTest extends NodeOnRandomPort {

    @Autowired
    private DashboardEvents events;

    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser(@TempDir Path profile) {
        browser = HeadlessChromium.open(profile, 1280, 900);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens the dashboard and waits for its stream's first snapshot; the wait reads texts the page may replace. */
    private WebDriverWait openLive() {
        browser.get(url() + "/");
        WebDriverWait wait = HeadlessChromium.waiting(browser, Duration.ofSeconds(20));
        wait.until(b -> b.findElement(By.id("status")).getText().contains("live"));
        return wait;
    }

    @Test
    void showsANewBlockLiveWithoutReloading() throws Exception {
        WebDriverWait wait = openLive();
        long height = chain.tip().index();
        assertThat(browser.findElement(By.id("height")).getText()).isEqualTo(Long.toString(height));
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), new ProofRule(3), 0);
        assertThat(forge.submit(proof, "browser-miner")).isInstanceOf(Submission.Forged.class);

        wait.until(b -> b.findElement(By.id("height")).getText().equals(Long.toString(height + 1)));
        // other tests of this context won coins too: wait for the table to show the new winner, not its first text
        wait.until(b -> b.findElement(By.id("winners")).getText().contains("browser-miner"));
        assertThat(wait.<String>until(b -> b.findElement(By.cssSelector("#blocks tr[data-index='" + (height + 1) + "']")).getText()))
                .contains("browser-miner").contains("http").contains(proof.toString());
        assertThat(browser.findElements(By.cssSelector("#chart rect"))).isNotEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
                .as("updated in place, not reloaded").isEqualTo(true);

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    @Test
    void showsTheLedgerAndLooksUpABalance() {
        browser.get(url() + "/");
        WebDriverWait wait = HeadlessChromium.waiting(browser, Duration.ofSeconds(20));
        wait.until(b -> b.findElement(By.id("ledger")).getText().contains("balances: a sender spends only"));
        browser.findElement(By.id("balance-id")).sendKeys("nobody");
        browser.findElement(By.cssSelector("#balance-form button")).click();
        wait.until(b -> b.findElement(By.id("balance-result")).getText().equals("nobody: balance 0, available 0"));
    }

    /**
     * Chromium keeps a page it leaves in its back/forward cache for about a minute, and with it any stream the page
     * holds; six of those fill the browser's connections to the node and the next page waits for the oldest to go.
     */
    @Test
    void aPageLeftBehindGivesItsStreamBackAndCatchesUpWhenShownAgain() throws Exception {
        WebDriverWait wait = openLive();
        assertThat(events.pages()).isPositive();

        browser.get(url() + "/dashboard/snapshot"); // a page of the same node that holds no stream
        // the node finds a closed stream at its next write (a snapshot every 2 s); a stream still held lasts a minute
        wait.until(b -> events.pages() == 0);

        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), new ProofRule(3), 0);
        assertThat(forge.submit(proof, "while-away")).isInstanceOf(Submission.Forged.class);
        long height = chain.tip().index();
        browser.navigate().back();
        wait.until(b -> b.findElement(By.id("height")).getText().equals(Long.toString(height)));
        wait.until(b -> b.findElement(By.id("status")).getText().contains("live"));
        assertThat(events.pages()).isEqualTo(1);
    }
}
