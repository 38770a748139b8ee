package app.plainpaper.desk.ui;

import app.plainpaper.desk.DeskHttp;
import app.plainpaper.events.Actor;
import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Checker;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.Finding;
import app.plainpaper.events.Implication;
import app.plainpaper.events.KeyFinding;
import app.plainpaper.events.Role;
import app.plainpaper.events.SectionReadability;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SourceSentence;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.testsupport.PipelineTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.plainpaper.desk.SummaryEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desk in a real browser: headless Chromium signs in through the form, works the queue and the review screen, and
 * every page passes an axe-core scan. The board is fed with real summary events on the embedded broker.
 */
// Immediate shutdown: a graceful one would wait out the browser's open event stream.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class DeskBrowserTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final String PASSWORD = "desk-browser-password";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String OLDEST = "ui-oldest-" + RUN;
    static final String MIDDLE = "ui-middle-" + RUN;
    static final String NEWEST = "ui-newest-" + RUN;
    static final String CLINICAL = "ui-clinical-" + RUN;
    static Browser browser;

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
        registry.add("plainpaper.desk.demo.password", () -> PASSWORD);
        // A second editor, to meet the first one's claim.
        registry.add("plainpaper.desk.users[0].username", () -> "second");
        registry.add("plainpaper.desk.users[0].password-hash",
                () -> PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD));
        registry.add("plainpaper.desk.users[0].roles[0]", () -> "editor");
        registry.add("plainpaper.desk.users[0].display-name", () -> "Sam Second");
    }

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void upstreamEvents() throws Exception {
        // Older than anything other desk tests publish (2026-11-20), so that these lead the queue by age.
        publish(Topics.ACCURACY_CHECKED, reviewable(OLDEST, "Pain and cytokines after radiotherapy for bone metastasis",
                Instant.parse("2026-10-01T08:00:00Z"), WorkflowState.EDITOR_REVIEW, EventType.ACCURACY_CHECKED));
        publish(Topics.ACCURACY_CHECKED, reviewable(MIDDLE, "Walking training after incomplete spinal cord injury",
                Instant.parse("2026-10-02T08:00:00Z"), WorkflowState.EDITOR_REVIEW, EventType.ACCURACY_CHECKED));
        publish(Topics.ACCURACY_CHECKED, reviewable(NEWEST, "Bladder care in the first year after injury",
                Instant.parse("2026-10-03T08:00:00Z"), WorkflowState.EDITOR_REVIEW, EventType.ACCURACY_CHECKED));
        publish(Topics.EDITOR_APPROVED, reviewable(CLINICAL, "Hand function after tendon transfer",
                Instant.parse("2026-10-04T08:00:00Z"), WorkflowState.CLINICAL_REVIEW, EventType.EDITOR_APPROVED));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void browser() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.open("/login");
            return true;
        });
    }

    @Test
    void theEditorOpensTheOldestDraftSeesItsFindingsAndEditsASection() throws Exception {
        browser.signIn("editor", PASSWORD);
        List<String> queue = awaitEditorQueueWith(OLDEST, MIDDLE, NEWEST);
        assertThat(queue.get(0)).as("oldest first: " + queue).isEqualTo(OLDEST);
        assertThat(queue.indexOf(OLDEST)).isLessThan(queue.indexOf(MIDDLE));
        assertThat(queue.indexOf(MIDDLE)).isLessThan(queue.indexOf(NEWEST));
        // Script calls read and click in one step: a live update may rebuild the list between two WebDriver calls.
        assertThat((String) browser.script("return document.querySelector(`.queue-item[data-summary-id='${arguments[0]}']`).innerText", OLDEST))
                .contains("Past deadline", "1 blocker", "Waiting");
        assertThat(browser.driver.findElement(By.id("counts")).getText()).contains("in the editors’ queue");

        browser.script("document.querySelector(`.queue-item[data-summary-id='${arguments[0]}'] h3 a`).click()", OLDEST);
        browser.waiting(15).until(ExpectedConditions.textToBe(By.id("title"), "Pain and cytokines after radiotherapy for bone metastasis"));
        browser.waiting(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".finding.blocker")));

        // The blocker sits at its span in the participants text, labelled in words.
        WebElement span = browser.driver.findElement(By.cssSelector("[data-section='participants'] .span-finding.blocker"));
        assertThat(span.getText()).isEqualTo("BLOCKER:40");
        assertThat(browser.driver.findElement(By.cssSelector(".finding.blocker")).getText())
                .contains("Blocker", "Open", "40 is not in the source");

        // A key finding highlights the source sentence it rests on.
        WebElement showSources = browser.driver.findElement(By.cssSelector("[data-key-finding='0']"));
        showSources.click();
        assertThat(showSources.getAttribute("aria-pressed")).isEqualTo("true");
        WebElement cited = browser.driver.findElement(By.cssSelector(".source-sentence[data-index='2']"));
        assertThat(cited.getAttribute("class")).contains("cited");
        assertThat(cited.getText()).contains("Key finding 1", "The pain score improved significantly after radiotherapy.");
        assertThat(browser.driver.findElements(By.cssSelector(".source-sentence.cited"))).hasSize(1);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("desk-review");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        // Validation in place: an empty required section is refused before anything is sent.
        browser.driver.findElement(By.cssSelector("[data-edit-button='simpleExplanation']")).click();
        WebElement simple = browser.driver.findElement(By.id("edit-simpleExplanation"));
        simple.clear();
        simple.sendKeys(Keys.SPACE);
        simple.submit();
        assertThat(simple.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("edit-simpleExplanation-error")).getText()).contains("cannot be empty");
        simple.sendKeys(Keys.ESCAPE);
        assertThat(browser.driver.findElements(By.id("edit-simpleExplanation"))).isEmpty();

        // The fix: the participants edited in place become an edit command, with the session's user as the actor.
        browser.driver.findElement(By.cssSelector("[data-edit-button='participants']")).click();
        WebElement participants = browser.driver.findElement(By.id("edit-participants"));
        participants.clear();
        participants.sendKeys("30 cancer patients with bone metastasis and 30 healthy individuals");
        participants.submit();
        browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("announcer"), "was sent"));

        EditorialCommand edit = commandFor(OLDEST);
        assertThat(edit.getAction()).isEqualTo(DecisionAction.EDIT);
        assertThat(edit.getActor().getId()).isEqualTo("editor");
        assertThat(edit.getActor().getRole()).isEqualTo(Role.EDITOR);
        assertThat(edit.getRevision()).isEqualTo(1);
        assertThat(edit.getEdit().getSections())
                .containsExactly(Map.entry("participants", "30 cancer patients with bone metastasis and 30 healthy individuals"));
    }

    @Test
    void theQueueUpdatesLiveAndAnnouncesNewItems() throws Exception {
        browser.signIn("editor", PASSWORD);
        awaitEditorQueueWith(OLDEST);
        browser.waiting(15).until(ExpectedConditions.textToBe(By.id("live-state"), "The queues update live."));
        browser.screenshot("desk-queue");
        String arriving = "ui-live-" + UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.ACCURACY_CHECKED, reviewable(arriving, "Sleep after spinal cord injury", Instant.parse("2026-10-05T08:00:00Z"),
                WorkflowState.EDITOR_REVIEW, EventType.ACCURACY_CHECKED));
        browser.waiting(40).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".queue-item[data-summary-id='" + arriving + "']")));
        browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("announcer"),
                "New in the editors’ queue: Sleep after spinal cord injury."));
    }

    @Test
    void theFiltersNarrowTheQueues() {
        browser.signIn("editor", PASSWORD);
        awaitEditorQueueWith(OLDEST, MIDDLE);
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("filter-category"))).selectByVisibleText("Rehabilitation");
        assertThat(editorQueue()).contains(MIDDLE).doesNotContain(OLDEST, NEWEST);
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("filter-category"))).selectByIndex(0);
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("filter-sort"))).selectByValue("newest");
        List<String> newestFirst = editorQueue();
        assertThat(newestFirst.indexOf(NEWEST)).isLessThan(newestFirst.indexOf(OLDEST));
        assertThat(browser.driver.findElement(By.id("clinical-section")).isDisplayed()).as("an editor has no clinical queue").isFalse();

        browser.signIn("admin", PASSWORD);
        awaitEditorQueueWith(OLDEST);
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("filter-queue"))).selectByValue("clinical");
        assertThat(browser.driver.findElement(By.id("editor-section")).isDisplayed()).isFalse();
        browser.waiting(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("clinical-queue"), "Hand function after tendon transfer"));
    }

    /** Only the keyboard: skip link, a visible focus on every stop, findings, the editor and Escape, in reading order. */
    @Test
    void theReviewScreenWorksWithTheKeyboardAlone() {
        browser.signIn("editor", PASSWORD);
        browser.open("/desk/summaries/" + MIDDLE);
        browser.waiting(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decision-form")));
        Actions keys = new Actions(browser.driver);

        keys.sendKeys(Keys.TAB).perform();
        WebElement skip = browser.driver.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to main content");
        assertThat(skip.getRect().getY()).as("the skip link shows when focused").isGreaterThanOrEqualTo(0);
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

        List<String> stops = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        boolean highlighted = false;
        boolean edited = false;
        for (int i = 0; i < 80 && !"decision-submit".equals(browser.driver.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver.switchTo().activeElement();
            String label = focused.getTagName() + ":" + focused.getText() + ":" + focused.getAttribute("aria-label");
            stops.add(label);
            positions.add(((Number) browser.script("""
                    const all = [...document.querySelectorAll('*')]; return all.indexOf(arguments[0]);""", focused)).intValue());
            assertThat(hasVisibleFocus(focused)).as("visible focus on " + label).isTrue();
            if (!highlighted && "Show sources of key finding 1".equals(focused.getAttribute("aria-label"))) {
                keys.sendKeys(Keys.ENTER).perform();
                assertThat(browser.driver.findElements(By.cssSelector(".source-sentence.cited"))).isNotEmpty();
                highlighted = true;
            }
            if (!edited && "Edit research summary".equals(focused.getAttribute("aria-label"))) {
                keys.sendKeys(Keys.ENTER).perform();
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("edit-researchSummary");
                keys.sendKeys(Keys.ESCAPE).perform();
                assertThat(browser.driver.switchTo().activeElement().getAttribute("aria-label")).isEqualTo("Edit research summary");
                edited = true;
            }
        }
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("reached the decision: " + stops).isEqualTo("decision-submit");
        assertThat(highlighted).as("key finding reachable: " + stops).isTrue();
        assertThat(edited).as("edit reachable: " + stops).isTrue();
        assertThat(positions).as("focus follows the reading order: " + stops).isSorted();

        // The decision needs a reason for a rejection; the error is announced and focus goes to the field.
        browser.driver.findElement(By.id("decision-reject")).click();
        browser.driver.findElement(By.id("decision-submit")).click();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("decision-comment");
        assertThat(browser.driver.findElement(By.id("decision-error")).getText()).contains("Give a reason");
    }

    /**
     * Claiming on the review screen, by keyboard: a second editor sees the claim and cannot take it; the first
     * releases it; the second editor's claim then shows on the first one's screen live, from the queue stream.
     */
    @Test
    void anEditorClaimsAndReleasesOnTheReviewScreen() throws Exception {
        String claimed = "ui-claim-" + RUN;
        publish(Topics.ACCURACY_CHECKED, reviewable(claimed, "Exercise after hip replacement", Instant.parse("2026-10-06T08:00:00Z"),
                WorkflowState.EDITOR_REVIEW, EventType.ACCURACY_CHECKED));
        await().atMost(Duration.ofSeconds(30)).until(() -> api("second", "GET", "/api/summaries/" + claimed + "/claim").statusCode() == 200);

        browser.signIn("editor", PASSWORD);
        browser.open("/desk/summaries/" + claimed);
        browser.waiting(15).until(ExpectedConditions.textToBe(By.id("claim-holder"), "Nobody"));
        Actions keys = new Actions(browser.driver);
        browser.script("document.getElementById('main').focus()");
        for (int i = 0; i < 10 && !"claim-button".equals(browser.driver.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        WebElement claim = browser.driver.switchTo().activeElement();
        assertThat(claim.getAttribute("id")).as("the claim button is reached by Tab").isEqualTo("claim-button");
        assertThat(claim.getText()).isEqualTo("Claim");
        assertThat(hasVisibleFocus(claim)).isTrue();
        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting(15).until(ExpectedConditions.textToBe(By.id("claim-holder"), "Erin Editor (you)"));
        browser.waiting(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("announcer"), "You claimed this summary."));
        WebElement release = browser.driver.switchTo().activeElement();
        assertThat(release.getAttribute("id")).as("the focus stays on the claim control").isEqualTo("claim-button");
        assertThat(release.getText()).isEqualTo("Release");
        List<String> violations = browser.seriousAccessibilityViolations();
        assertThat(violations).as("axe on the review screen with a claim").isEmpty();

        var seen = api("second", "GET", "/api/summaries/" + claimed + "/claim");
        assertThat(seen.body()).contains("\"claimedBy\":\"editor\"", "\"claimedByName\":\"Erin Editor\"", "\"queue\":\"editor\"");
        var refused = api("second", "POST", "/api/summaries/" + claimed + "/claim");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Erin Editor");

        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting(15).until(ExpectedConditions.textToBe(By.id("claim-holder"), "Nobody"));
        browser.waiting(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("announcer"), "You released this summary."));
        assertThat(api("second", "GET", "/api/summaries/" + claimed + "/claim").body()).contains("\"claimedBy\":null");

        // The second editor claims it now; the first one's screen says so without a reload, and offers no button.
        assertThat(api("second", "POST", "/api/summaries/" + claimed + "/claim").statusCode()).isEqualTo(200);
        browser.waiting(20).until(ExpectedConditions.textToBe(By.id("claim-holder"), "Sam Second"));
        browser.waiting(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("announcer"), "Sam Second claimed this summary."));
        assertThat(browser.driver.findElements(By.id("claim-button"))).isEmpty();

        assertThat(DeskHttp.records(Topics.DESK_ACTIVITY, DeskActivity.class, a -> a.getSummaryId().equals(claimed), 3))
                .extracting(a -> a.getKind() + " " + a.getActor().getId())
                .containsExactly("CLAIMED editor", "RELEASED editor", "CLAIMED second");
    }

    private java.net.http.HttpResponse<String> api(String user, String method, String path) throws Exception {
        return DeskHttp.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", DeskHttp.basic(user, PASSWORD)).header("Accept", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailedSignInIsAnnounced() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login");
        browser.driver.findElement(By.id("username")).sendKeys("editor");
        browser.driver.findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver.findElement(By.id("sign-in")).click();
        browser.waiting(15).until(ExpectedConditions.urlContains("error"));
        WebElement status = browser.driver.findElement(By.id("login-status"));
        assertThat(status.getAttribute("role")).isEqualTo("alert");
        assertThat(status.getText()).contains("Sign-in failed");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("login-status");
    }

    /** axe-core on every desk page: no serious or critical violation. */
    @Test
    void everyDeskPagePassesAnAxeScan() throws Exception {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        browser.driver.manage().deleteAllCookies();
        browser.open("/login");
        violations.put("login", browser.seriousAccessibilityViolations());

        browser.signIn("editor", PASSWORD);
        awaitEditorQueueWith(OLDEST);
        violations.put("queues", browser.seriousAccessibilityViolations());

        browser.open("/desk/summaries/" + OLDEST);
        browser.waiting(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decision-form")));
        browser.driver.findElement(By.cssSelector("[data-key-finding='0']")).click();
        violations.put("review", browser.seriousAccessibilityViolations());

        browser.open("/desk/summaries/" + OLDEST + "/history");
        browser.waiting(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events table")));
        violations.put("history", browser.seriousAccessibilityViolations());

        browser.open("/desk/policy");
        browser.waiting(15).until(d -> !d.findElement(By.id("policy")).getText().isBlank()
                || d.findElement(By.id("policy-error")).isDisplayed());
        violations.put("policy", browser.seriousAccessibilityViolations());

        browser.signIn("clinician", PASSWORD);
        browser.open("/desk/summaries/" + CLINICAL);
        browser.waiting(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decision-form")));
        violations.put("review (clinical reviewer)", browser.seriousAccessibilityViolations());

        // 200 % zoom on a narrow screen: a 640 px wide window at zoom 2 is 320 CSS px; nothing scrolls sideways.
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(640, 1000));
        browser.script("document.body.style.zoom = '2'");
        long overflow = ((Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
        browser.script("document.body.style.zoom = ''");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        assertThat(overflow).as("horizontal overflow at 320 CSS px").isLessThanOrEqualTo(0);

        System.out.println("axe serious/critical violations per page: " + violations);
        assertThat(violations.values().stream().flatMap(List::stream).toList()).as(violations.toString()).isEmpty();
    }

    private static boolean hasVisibleFocus(WebElement element) {
        String outline = element.getCssValue("outline-style");
        String width = element.getCssValue("outline-width");
        return (!"none".equals(outline) && !"0px".equals(width)) || !"none".equals(element.getCssValue("box-shadow"));
    }

    private List<String> awaitEditorQueueWith(String... ids) {
        browser.waiting(30).until(d -> editorQueue().containsAll(List.of(ids)));
        return editorQueue();
    }

    @SuppressWarnings("unchecked")
    private List<String> editorQueue() {
        // One script call: a live refresh may rebuild the list between two WebDriver calls.
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#editor-queue .queue-item')].map(e => e.dataset.summaryId)");
    }

    /** A summary as accuracy-review hands it to the desk: a full draft, a wrong number held as a blocker. */
    static SummaryEvent reviewable(String summaryId, String title, Instant at, WorkflowState state, EventType type) {
        Actor engine = Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build();
        String participants = "40 cancer patients with bone metastasis";
        Draft draft = Draft.newBuilder()
                .setRevision(1)
                .setWrittenBy(engine)
                .setSimpleExplanation("Researchers looked at pain and blood markers in people whose cancer had spread to the bone.")
                .setStudyDuration(null)
                .setParticipants(participants)
                .setEvidenceLevel(EvidenceLevel.newBuilder().setScale("OCEBM 2011").setLevel("4").setDesign(StudyDesign.CASE_CONTROL)
                        .setReason("The abstract calls it a case-control study.").build())
                .setKeyFindings(List.of(
                        KeyFinding.newBuilder().setText("Pain scores improved after radiotherapy.").setSourceSentences(List.of(
                                SourceSentence.newBuilder().setIndex(2).setText("The pain score improved significantly after radiotherapy.").build())).build(),
                        KeyFinding.newBuilder().setText("Some blood markers fell in most patients.").setSourceSentences(List.of(
                                SourceSentence.newBuilder().setIndex(3).setText("Cytokine levels fell in most patients.").build())).build()))
                .setResearchSummary("The team compared 30 patients with 30 healthy people before and after radiotherapy.")
                .setPracticalImplications(List.of(Implication.newBuilder().setTitle("Talk about pain")
                        .setText("Tell your care team how your pain changes during treatment.").build()))
                .setLimitations(List.of("The study was small."))
                .setCategories(title.startsWith("Walking") ? List.of("Rehabilitation") : List.of("Pain"))
                .setReadability(List.of(SectionReadability.newBuilder().setSection("simpleExplanation")
                        .setFleschKincaidGrade(6.5).setMeanSentenceLength(16).setWords(16).build()))
                .build();
        Finding wrongNumber = Finding.newBuilder()
                .setFindingId("finding-" + summaryId)
                .setRuleId("accuracy.number.unverified")
                .setChecker(Checker.ACCURACY)
                .setSeverity(Severity.BLOCKER)
                .setMessage("The number 40 is not in the source.")
                .setSection("participants").setStart(0).setEnd(2)
                .setRevision(1)
                .build();
        Finding hype = Finding.newBuilder()
                .setFindingId("hype-" + summaryId)
                .setRuleId("accuracy.certainty.hype")
                .setChecker(Checker.ACCURACY)
                .setSeverity(Severity.WARNING)
                .setMessage("“improved” may overstate a small study.")
                .setSection("keyFindings[0]").setStart(12).setEnd(20)
                .setRevision(1)
                .build();
        SummaryEvent base = event(summaryId, 4, 1, type, state);
        base.getPaper().setTitle(title);
        base.getPaper().setAbstractSections(List.of(
                AbstractSection.newBuilder().setLabel("METHODS").setText("We recruited 30 cancer patients with bone metastasis and 30 healthy "
                        + "individuals. Pain was scored before and after radiotherapy.").build(),
                AbstractSection.newBuilder().setLabel("RESULTS").setText("The pain score improved significantly after radiotherapy. "
                        + "Cytokine levels fell in most patients.").build()));
        return SummaryEvent.newBuilder(base).setOccurredAt(at).setDraft(draft).setFindings(List.of(wrongNumber, hype))
                .setReason(state == WorkflowState.EDITOR_REVIEW ? "Held back from clinical review: 1 unresolved blocker." : null)
                .build();
    }

    static void publish(String topic, SummaryEvent event) throws Exception {
        DeskHttp.publish(topic, event.getSummaryId(), event);
    }

    private static EditorialCommand commandFor(String summaryId) {
        return DeskHttp.records(Topics.COMMANDS, EditorialCommand.class, c -> summaryId.equals(c.getSummaryId()), 1).get(0);
    }
}
