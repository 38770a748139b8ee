package app.plainpaper.site.browser;

import app.plainpaper.site.publish.SiteFolder;
import app.plainpaper.site.serve.StaticSite;
import app.plainpaper.site.testing.ReferenceSummary;
import app.plainpaper.site.testing.StandardSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated site in headless Chromium (Debian's chromium and chromium-driver), served by StaticSite: search on
 * the home page runs in the browser over the generated index, the summary page shows what readers need, and axe-core
 * finds no serious or critical accessibility violation on any page type. Writes screenshots of the summary page
 * (desktop and phone) to target/screenshots. Skipped without Chromium.
 */
class SiteBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    @TempDir
    static Path root;
    static StaticSite.Running site;
    static ChromeDriver browser;
    static String axe;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed: browser tests skipped");
        SiteFolder.publish(root, StandardSite.files());
        site = StaticSite.start(root, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-GB", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try (InputStream in = SiteBrowserTest.class.getResourceAsStream(AXE)) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + site.port() + path;
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void searchFromTheHomePageFindsASummaryInTheBrowser() {
        browser.get(url("/"));
        String title = ReferenceSummary.summary().title();
        String query = "cytokine metastasis";
        assertThat(title.toLowerCase()).contains("cytokine", "metastasis");
        WebElement box = browser.findElement(By.id("home-q"));
        box.sendKeys(query);
        box.submit();

        waiting().until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("/search/?q=cytokine+metastasis");
        assertThat(browser.findElement(By.id("search-status")).getText()).matches("\\d+ summar(y|ies) found\\.");
        WebElement first = browser.findElement(By.cssSelector("#search-results li h2 a"));
        assertThat(first.getText()).isEqualTo(title);
        assertThat(URI.create(first.getAttribute("href")).getPath()).isEqualTo("/research/" + ReferenceSummary.summary().slug() + "/");

        // A query that matches nothing says so; typing again searches again.
        WebElement search = browser.findElement(By.id("search-q"));
        search.clear();
        search.sendKeys("zzzxqy");
        search.submit();
        waiting().until(d -> d.findElement(By.id("search-status")).getText().equals("0 summaries found."));
        assertThat(browser.findElements(By.cssSelector("#search-results li"))).isEmpty();
    }

    @Test
    void theSummaryPageShowsItsSectionsAndTakesScreenshots() throws Exception {
        String path = "/research/" + ReferenceSummary.summary().slug() + "/";
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url(path));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(ReferenceSummary.summary().title());
        List<String> headings = browser.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList();
        assertThat(headings).containsSubsequence("Simple Explanation", "Key Findings", "Research Summary",
                "Practical Implications", "Study Limitations");
        assertThat(browser.findElement(By.cssSelector("nav[aria-label='Breadcrumb']")).getText()).startsWith("Home");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Medically reviewed by", "Was this summary helpful?");
        // The stylesheet loaded (CSP allows it): the skip link is above the viewport until focused, then visible.
        WebElement skip = browser.findElement(By.cssSelector("a.skip-link"));
        assertThat(skip.getRect().getY()).isLessThan(0);
        browser.executeScript("arguments[0].focus();", skip);
        assertThat(skip.getRect().getY()).isGreaterThanOrEqualTo(0);

        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        screenshot(1280, path, shots.resolve("site-summary-desktop.png"));
        screenshot(390, path, shots.resolve("site-summary-phone.png"));
        // On a phone the page does not scroll sideways.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url(path));
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    static void screenshot(int width, String path, Path file) throws Exception {
        browser.manage().window().setSize(new Dimension(width, 1000));
        browser.get(url(path));
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, Math.min(height.intValue() + 20, 6000)));
        browser.get(url(path));
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/research/", "/research/page/2/", "/categories/", "/category/pain-management/",
            "/category/pain-management/page/2/", "/research/reference/", "/research/" + StandardSite.RETRACTED_SLUG + "/",
            "/research/" + StandardSite.PREPRINT_SLUG + "/", "/about/", "/disclaimer/", "/contact/", "/subscribe/",
            "/search/?q=pain", "/no-such-page/", "/research/" + StandardSite.UNPUBLISHED_SLUG + "/"})
    void axeFindsNoSeriousOrCriticalViolations(String path) throws Exception {
        String target = path.equals("/research/reference/") ? "/research/" + ReferenceSummary.summary().slug() + "/" : path;
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url(target));
        if (target.startsWith("/search/")) {
            waiting().until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        }
        browser.executeScript(axe);
        String json = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
                  .then(function (r) { done(JSON.stringify({violations: r.violations, passes: r.passes.length})); })
                  .catch(function (e) { done(JSON.stringify({error: String(e)})); });
                """);
        JsonNode result = new ObjectMapper().readTree(json);
        assertThat(result.has("error")).as("axe ran on %s: %s", target, result.path("error").asString()).isFalse();
        assertThat(result.path("passes").asInt()).as("axe checked something on %s", target).isGreaterThan(10);
        List<String> serious = new ArrayList<>();
        for (JsonNode v : result.path("violations")) {
            String impact = v.path("impact").asString();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(impact + " " + v.path("id").asString() + ": " + v.path("help").asString() + " at "
                        + v.path("nodes").path(0).path("target").toString());
            }
        }
        assertThat(serious).as("serious or critical axe violations on %s", target).isEmpty();
    }
}
