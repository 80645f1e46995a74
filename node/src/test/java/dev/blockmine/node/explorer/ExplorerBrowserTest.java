package dev.blockmine.node.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.HeadlessChromium;
import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.Proofs;
import dev.blockmine.node.chain.SealedBlock;
import dev.blockmine.node.mining.Submission;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;

/**
 * The explorer in a real headless Chromium: a block forged while the page is open appears without a reload, its page
 * shows what its miner hashed with the zeros marked, the browser's own SHA-256 checks a proof, the miner's account has
 * the balance GET /balance gives, search lands on blocks and accounts, and hostile ids stay text.
 * Needs Debian's chromium and chromium-driver; skipped, saying so, where they are missing.
 */
@TestPropertySource(properties = "node.difficulty=3")
class ExplorerBrowserTest extends NodeOnRandomPort {

    private static final ProofRule RULE = new ProofRule(3);

    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void openBrowser(@TempDir Path profile) {
        browser = HeadlessChromium.open(profile, 1280, 1400);
        wait = HeadlessChromium.waiting(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private SealedBlock mine(String miner) {
        BigInteger proof = Proofs.firstValid(chain.tip().blockString(), RULE, 0);
        assertThat(forge.submit(proof, miner)).isInstanceOf(Submission.Forged.class);
        return chain.tip();
    }

    private String text(String id) {
        return wait.until(b -> (String) ((JavascriptExecutor) b).executeScript(
                "const e = document.getElementById(arguments[0]); return e && e.textContent ? e.textContent : null;", id));
    }

    private String textOf(String css) {
        return wait.until(b -> b.findElement(By.cssSelector(css)).getText());
    }

    /** Clicks inside a wait: the live tables are rebuilt at every snapshot, so the element may be replaced meanwhile. */
    private void click(String css) {
        wait.until(b -> {
            b.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    private void search(String query) {
        var box = browser.findElement(By.id("search"));
        box.clear();
        box.sendKeys(query, Keys.ENTER);
    }

    private String balance(String id) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url() + "/balance?id="
                + URLEncoder.encode(id, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return CanonicalJson.parse(answer.body()).get("balance").toString();
    }

    @Test
    void aLiveBlockItsProofTriedInTheBrowserItsMinerAndSearch() throws Exception {
        mine("explorer-miner");
        browser.get(url() + "/explorer");
        wait.until(b -> b.findElement(By.id("status")).getText().contains("live"));
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

        SealedBlock forged = mine("explorer-miner");
        String row = "#latest tr[data-index='" + forged.index() + "']";
        assertThat(textOf(row)).contains("explorer-miner").contains("http").contains(forged.block().proof().toString());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
                .as("updated in place, not reloaded").isEqualTo(true);

        click(row + " a.block-link");
        wait.until(b -> b.getCurrentUrl().endsWith("/explorer/blocks/" + forged.index()));
        SealedBlock previous = chain.blocks().at(forged.index() - 1);
        BigInteger proof = forged.block().proof();
        assertThat(text("block-hash")).isEqualTo(forged.hash());
        assertThat(ProofRule.sha256Hex(text("block-string"))).isEqualTo(text("block-hash"));
        assertThat(text("prev-string")).isEqualTo(previous.blockString());
        assertThat(text("why-proof")).isEqualTo(proof.toString());
        assertThat(text("digest")).isEqualTo(ProofRule.hexDigest(previous.blockString(), proof));
        assertThat(textOf("#digest mark.zeros")).isEqualTo("000");
        assertThat(text("digest-verdict")).contains("valid");
        assertThat(text("prev-link")).isEqualTo(previous.hash());
        assertThat(text("size")).isEqualTo(forged.blockString().length() + " bytes");

        browser.findElement(By.id("try-proof")).sendKeys(proof.toString(), Keys.ENTER);
        wait.until(b -> b.findElement(By.id("try-verdict")).getText().startsWith("valid"));
        assertThat(textOf("#try-digest")).isEqualTo(ProofRule.hexDigest(previous.blockString(), proof));
        BigInteger next = proof.add(BigInteger.ONE);
        boolean nextValid = RULE.isValid(previous.blockString(), next); // one chance in 4096
        browser.findElement(By.id("try-proof")).clear();
        browser.findElement(By.id("try-proof")).sendKeys(next.toString(), Keys.ENTER);
        wait.until(b -> b.findElement(By.id("try-verdict")).getText().startsWith(nextValid ? "valid" : "not valid"));
        assertThat(textOf("#try-digest")).isEqualTo(ProofRule.hexDigest(previous.blockString(), next));

        // the page's own SHA-256, used where Web Crypto is not offered (a class node over plain http), agrees too
        for (String message : new String[] {"", "x".repeat(55), "x".repeat(56), "x".repeat(64), previous.blockString() + proof}) {
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return hex(sha256js(new TextEncoder().encode(arguments[0])));", message))
                    .isEqualTo(ProofRule.sha256Hex(message));
        }

        Files.createDirectories(Path.of("target"));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "explorer-block.png"), StandardCopyOption.REPLACE_EXISTING);

        SealedBlock after = mine("someone-else"); // the page of the old tip learns its next block live
        wait.until(b -> b.findElement(By.id("next-link")).getText().equals(after.hash()));

        click("#miner a");
        wait.until(b -> b.getCurrentUrl().endsWith("/explorer/accounts/explorer-miner"));
        assertThat(text("account-id")).isEqualTo("explorer-miner");
        assertThat(text("account-balance")).isEqualTo(balance("explorer-miner"));
        assertThat(text("account-won")).isEqualTo("2");
        assertThat(textOf("#history tr:first-child")).contains(Long.toString(forged.index())).contains("reward");

        search("1");
        wait.until(b -> b.getCurrentUrl().endsWith("/explorer/blocks/1"));
        assertThat(text("block-index")).isEqualTo("1");
        search(forged.hash());
        wait.until(b -> b.getCurrentUrl().endsWith("/explorer/blocks/" + forged.index()));
        search("someone-else");
        wait.until(b -> b.getCurrentUrl().endsWith("/explorer/accounts/someone-else"));
        assertThat(text("account-won")).isEqualTo("1");
        browser.get(url() + "/explorer");
        wait.until(b -> b.findElement(By.id("status")).getText().contains("live"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "explorer.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void hostileIdsStayText() throws Exception {
        String quotes = "\"'><img src=x onerror=window.pwned=1>";
        String[] ids = {"<script>window.pwned=1</script>", quotes, "a/b/../../c?x=1#y", (quotes + "é").repeat(5).substring(0, 60),
                "<b>".repeat(85) + "x"}; // the last is 256 bytes of block string
        browser.get(url() + "/explorer");
        wait.until(b -> b.findElement(By.id("status")).getText().contains("live"));
        for (String id : ids) {
            SealedBlock block = mine(id);
            browser.get(url() + "/explorer");
            wait.until(b -> b.findElement(By.id("status")).getText().contains("live"));
            wait.until(b -> !b.findElements(By.cssSelector("#latest tr[data-index='" + block.index() + "'] a.account-link")).isEmpty());
            click("#latest tr[data-index='" + block.index() + "'] a.account-link");
            wait.until(b -> b.getCurrentUrl().contains("/explorer/accounts"));
            assertThat(text("account-id")).isEqualTo(id);
            assertThat(text("account-balance")).isEqualTo(balance(id));
            assertThat(text("account-won")).isEqualTo("1");

            browser.get(url() + "/explorer/blocks/" + block.index());
            assertThat(text("block-string")).isEqualTo(block.blockString());
            assertThat(wait.<String>until(b -> b.findElement(By.cssSelector("#miner a")).getAttribute("title"))).isEqualTo(id);
            search(id);
            wait.until(b -> b.getCurrentUrl().contains("/explorer/accounts"));
            assertThat(text("account-id")).isEqualTo(id);
            assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"
                    + " && document.querySelectorAll('img, b, main script').length === 0;")).as(id).isEqualTo(true);
        }
    }
}
