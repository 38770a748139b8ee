package app.plainpaper.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * People at the desk, in headless Chromium, on the whole pipeline run as processes: an editor fixes a blocker by editing
 * and approves, a clinical reviewer signs off, the page goes live, and a request for changes loops back to the editors.
 */
class DeskBrowserJourneyTest {

    @TempDir
    static Path data;
    static RunningPipeline pipeline;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            fail("This test needs Debian's chromium and chromium-driver at /usr/bin (.ci/run installs them).");
        }
        // RunningPipeline.start() with a longer bound: on a busy machine six JVMs and a browser start slowly.
        pipeline = new RunningPipeline(data);
        try {
            pipeline.services.values().forEach(ServiceProcess::start);
            pipeline.services.values().forEach(s -> s.awaitHealthy(Duration.ofSeconds(600)));
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void editorFixesABlockerAndApprovesClinicianSignsOffPageGoesLiveAndChangesLoopBack() throws Exception {
        // Two papers: one for the way to publication, one that a clinical reviewer sends back.
        String toPublish = ingest("10.1155/2022/desk-browser", "99999101");
        String toSendBack = ingest("10.1155/2022/desk-send-back", "99999102");

        // The draft to publish carries a wrong participant count (set up through the API, as an earlier editor's slip).
        awaitState(toPublish, "editor-review");
        overrideBlockersByApi(toPublish, 1);
        accept(pipeline.desk("editor", "POST", "/api/summaries/" + toPublish + "/decisions", RunningPipeline.JSON.writeValueAsString(
                Map.of("revision", 1, "action", "edit", "sections", Map.of("participants", "40 cancer patients with bone metastasis"),
                        "comment", "Count typed from memory"))));
        awaitRevisionInState(toPublish, 2, "editor-review");
        // The one to send back goes to clinical review through the API.
        awaitState(toSendBack, "editor-review");
        overrideBlockersByApi(toSendBack, 1);
        accept(pipeline.decide("editor", toSendBack, 1, "approve", "Reads well."));
        awaitState(toSendBack, "clinical-review");

        // The editor signs in, and opens the oldest draft of the queue.
        signIn("editor");
        waitUp(30).until(d -> !queueIds("editor-queue").isEmpty());
        assertThat(queueIds("editor-queue").get(0)).isEqualTo(toPublish);
        open(toPublish);
        waitUp(20).until(ExpectedConditions.presenceOfElementLocated(By.id("decision-form")));
        assertThat(browser.findElement(By.id("status-line")).getText()).contains("Revision: 2");

        // The blocker sits on the participants; the editor fixes it by editing in place.
        WebElement blocker = browser.findElement(By.cssSelector("[data-section='participants'] .span-finding.blocker"));
        assertThat(blocker.getText()).contains("BLOCKER", "40");
        WebElement finding = findingOn("Participants");
        finding.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Fix by editing')]")).click();
        WebElement text = browser.findElement(By.id("edit-participants"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(text);
        text.clear();
        text.sendKeys("30 cancer patients with bone metastasis and 30 healthy individuals");
        text.submit();
        waitUp(90).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Revision: 3"));
        waitUp(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "editor review"));
        assertThat(browser.findElements(By.cssSelector("[data-section='participants'] .span-finding.blocker")))
                .as("the fixed count is no longer a blocker").isEmpty();

        // Any other blocker of the new revision is overridden with a reason, then the editor approves.
        overrideBlockersInBrowser();
        WebElement approve = browser.findElement(By.id("decision-approve"));
        approve.click();
        browser.findElement(By.id("decision-comment")).sendKeys("Fixed the count; reads well.");
        browser.findElement(By.id("decision-submit")).click();
        waitUp(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "clinical review"));

        // The clinical reviewer signs off from their queue.
        signIn("clinician");
        waitUp(30).until(d -> queueIds("clinical-queue").contains(toPublish));
        open(toPublish);
        waitUp(20).until(ExpectedConditions.presenceOfElementLocated(By.id("decision-sign-off")));
        browser.findElement(By.id("decision-sign-off")).click();
        browser.findElement(By.id("decision-comment")).sendKeys("Numbers match the abstract.");
        browser.findElement(By.id("decision-submit")).click();

        // The page goes live: the review screen links to it, and the site serves it.
        JsonNode published = awaitState(toPublish, "published");
        browser.navigate().refresh();
        WebElement live = waitUp(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-line a")));
        assertThat(live.getText()).isEqualTo(published.get("url").asString());
        live.click();
        waitUp(20).until(ExpectedConditions.urlContains("/research/"));
        assertThat(browser.getPageSource())
                .contains("Study on the Correlation between Pain and Cytokine Expression")
                .contains("30 cancer patients with bone metastasis and 30 healthy individuals")
                .contains("Medically reviewed by Dr Casey Morgan, MD, PhD");

        // A request for changes, with its reason, loops back to the editors' queue.
        browser.get(pipeline.service("editorial-desk").url("/desk/summaries/" + toSendBack));
        waitUp(20).until(ExpectedConditions.presenceOfElementLocated(By.id("decision-request-changes")));
        browser.findElement(By.id("decision-request-changes")).click();
        browser.findElement(By.id("decision-submit")).click();
        assertThat(browser.findElement(By.id("decision-error")).getText()).contains("Give a reason");
        browser.findElement(By.id("decision-comment")).sendKeys("Say that the controls were healthy people.");
        browser.findElement(By.id("decision-submit")).click();
        waitUp(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "editor review"));

        signIn("editor");
        waitUp(30).until(d -> queueIds("editor-queue").contains(toSendBack));
        assertThat(browser.findElement(By.cssSelector(".queue-item[data-summary-id='" + toSendBack + "']")).getText())
                .contains("Sent back", "Say that the controls were healthy people.");
        assertThat(pipeline.summary(toSendBack).get("state").asString()).isEqualTo("editor-review");
    }

    private static String ingest(String doi, String pmid) throws Exception {
        String paper = RunningPipeline.resource("reference-study.json").replace("10.1155/2022/1119014", doi).replace("35845981", pmid);
        var created = pipeline.ingest(paper);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningPipeline.JSON.readTree(created.body()).get("summaryId").asString();
    }

    private static void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(pipeline.service("editorial-desk").url("/desk/"));
        waitUp(20).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(RunningPipeline.DEMO_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitUp(20).until(ExpectedConditions.urlContains("/desk/"));
    }

    /** Follows an item's link in the queue; one script call, since a live update may rebuild the list at any time. */
    private static void open(String summaryId) {
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector(`.queue-item[data-summary-id='${arguments[0]}'] h3 a`).click()", summaryId);
    }

    @SuppressWarnings("unchecked")
    private static List<String> queueIds(String list) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#' + arguments[0] + ' .queue-item')].map(e => e.dataset.summaryId)", list);
    }

    private static WebElement findingOn(String section) {
        return browser.findElements(By.cssSelector(".finding.blocker")).stream()
                .filter(f -> f.getText().contains("in " + section)).findFirst()
                .orElseThrow(() -> new AssertionError("no blocker on " + section + ": " + browser.findElement(By.id("findings")).getText()));
    }

    /** Overrides, one by one, every open blocker the review screen offers to override, each with a reason. */
    private static void overrideBlockersInBrowser() {
        for (int i = 0; i < 10; i++) {
            List<WebElement> buttons = browser.findElements(By.xpath("//button[starts-with(normalize-space(.), 'Override with a reason')]"));
            if (buttons.isEmpty()) {
                return;
            }
            String before = browser.findElement(By.id("findings")).getText();
            buttons.get(0).click();
            WebElement reason = browser.switchTo().activeElement();
            assertThat(reason.getTagName()).isEqualTo("textarea");
            reason.sendKeys("Checked against the abstract.");
            reason.submit();
            waitUp(60).until(d -> !d.findElement(By.id("findings")).getText().equals(before));
        }
        fail("blockers kept coming back: " + browser.findElement(By.id("findings")).getText());
    }

    private static WebDriverWait waitUp(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void accept(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static void overrideBlockersByApi(String summaryId, int revision) throws Exception {
        JsonNode draft = RunningPipeline.JSON.readTree(pipeline.desk("editor", "GET", "/api/summaries/" + summaryId + "/draft", null).body());
        for (JsonNode f : draft.get("findings")) {
            if ("blocker".equals(f.get("severity").asString()) && !f.get("resolved").asBoolean()) {
                accept(pipeline.desk("editor", "POST", "/api/summaries/" + summaryId + "/decisions", RunningPipeline.JSON.writeValueAsString(
                        Map.of("revision", revision, "action", "override", "findingId", f.get("findingId").asString(),
                                "comment", "Checked against the abstract."))));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.summary(summaryId).get("reason").isNull());
    }

    private static JsonNode awaitRevisionInState(String summaryId, int revision, String state) {
        JsonNode[] seen = new JsonNode[1];
        await(summaryId + " revision " + revision + " in " + state).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    seen[0] = pipeline.summary(summaryId);
                    return seen[0] != null && seen[0].get("revision").asInt() == revision && state.equals(seen[0].get("state").asString());
                });
        return seen[0];
    }

    private static JsonNode awaitState(String summaryId, String state) {
        JsonNode[] seen = new JsonNode[1];
        await(summaryId + " in " + state).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            seen[0] = pipeline.summary(summaryId);
            return seen[0] != null && state.equals(seen[0].get("state").asString());
        });
        return seen[0];
    }
}
