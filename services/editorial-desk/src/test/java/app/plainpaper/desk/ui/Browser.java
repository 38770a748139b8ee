package app.plainpaper.desk.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** Debian's headless Chromium driven by its chromedriver, with sign-in, screenshots and an axe-core scan. */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** axe-core from npm, pinned; installed once into target/ (the registry is reached by npm, as for the serde's interop test). */
    static final String AXE_VERSION = "4.11.0";
    static final Path AXE_HOME = Path.of("target", "axe-core-" + AXE_VERSION);

    final ChromeDriver driver;
    final String baseUrl;

    Browser(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install chromium chromium-driver (.ci/run installs them).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=en-GB", "--disable-gpu", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        this.baseUrl = baseUrl;
    }

    WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in through the login form as a person would, and waits for the desk. */
    void signIn(String user, String password) {
        driver.manage().deleteAllCookies();
        open("/desk/");
        waiting(15).until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting(15).until(ExpectedConditions.urlContains("/desk/"));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = dir.resolve(name + ".png");
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /**
     * Runs axe-core (WCAG 2.0-2.2 A and AA rules and best practices) on the current page; prints every violation and
     * answers the serious and critical ones, one line each.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() throws Exception {
        long started = System.nanoTime();
        script(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                                   resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).slice(0, 5)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<String> serious = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String line = v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " " + v.get("nodes");
            all.add(line);
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(line);
            }
        }
        System.out.printf("axe-core %s on %s: %d violations of any impact %s (%d ms)%n", AXE_VERSION, driver.getCurrentUrl(),
                all.size(), all, (System.nanoTime() - started) / 1_000_000);
        return serious;
    }

    private static synchronized String axeSource() throws IOException, InterruptedException {
        Path script = AXE_HOME.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(script)) {
            Files.createDirectories(AXE_HOME);
            Path log = AXE_HOME.resolve("npm-install.log");
            Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
                    "--ignore-scripts", "--prefix", ".", "axe-core@" + AXE_VERSION)
                    .directory(AXE_HOME.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(script)) {
                npm.destroyForcibly();
                fail("npm could not install axe-core " + AXE_VERSION + " into " + AXE_HOME.toAbsolutePath() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        return Files.readString(script, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
