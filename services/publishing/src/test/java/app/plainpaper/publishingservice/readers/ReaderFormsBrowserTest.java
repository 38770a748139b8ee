package app.plainpaper.publishingservice.readers;

import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.subscribers.SubscriberBook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/** The feedback widget and the subscribe form in headless Chromium, with and without JavaScript, against the live site. */
class ReaderFormsBrowserTest extends ReaderSite {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Autowired
    DataKeyring keyring;
    @Autowired
    SubscriberBook book;

    static ChromeDriver browser(boolean javascript) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--disable-gpu");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
                options);
    }

    String pagePath(String summaryId) {
        return URI.create(summaries.find(summaryId).orElseThrow().url()).getPath();
    }

    List<ReaderFeedback> feedbackOf(String summaryId) {
        return ReaderTopics.decoded(BED, Topics.READER_FEEDBACK).stream()
                .filter(r -> summaryId.equals(r.key()) && r.value() instanceof ReaderFeedback)
                .map(r -> (ReaderFeedback) r.value()).toList();
    }

    @Test
    void theFeedbackWidgetSendsInTheBackgroundAndSaysThankYou() {
        String summaryId = publish("Bladder care after spinal cord injury " + UUID.randomUUID());
        ChromeDriver driver = browser(true);
        try {
            driver.get(site(pagePath(summaryId)).toString());
            driver.findElement(By.cssSelector("label[for=helpful-no]")).click();
            driver.findElement(By.id("feedback-comment")).sendKeys("The numbers <b>confused</b> me");
            driver.findElement(By.cssSelector("form.feedback-form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(
                    By.cssSelector("form.feedback-form .form-status"), "Thank you for your feedback."));
            assertThat(driver.getCurrentUrl()).as("stayed on the page").contains(pagePath(summaryId));
            assertThat(driver.findElement(By.id("feedback-comment")).isEnabled()).isFalse();

            ReaderFeedback recorded = await().atMost(Duration.ofSeconds(20)).until(() -> feedbackOf(summaryId), f -> f.size() == 1).get(0);
            assertThat(recorded.getHelpful()).isFalse();
            assertThat(keyring.decrypt(recorded.getComment())).hasValue("The numbers <b>confused</b> me");

            // the answer's one-time erasure link is shown; following it and pressing the button erases the comment
            // (its host is the configured public site address; here the site runs on a test port)
            URI erase = URI.create(driver.findElement(By.linkText("Erase my comment")).getAttribute("href"));
            assertThat(erase.getPath()).isEqualTo("/api/feedback/erase");
            driver.get(site(erase.getRawPath() + "?" + erase.getRawQuery()).toString());
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Your comment is erased"));
            await().atMost(Duration.ofSeconds(20)).until(() -> keyring.decrypt(recorded.getComment()).isEmpty());
        } finally {
            driver.quit();
        }
    }

    @Test
    void withoutJavaScriptTheFormPostsAndAThankYouPageLinksBack() {
        String summaryId = publish("Pressure injuries after spinal cord injury " + UUID.randomUUID());
        ChromeDriver driver = browser(false);
        try {
            driver.get(site(pagePath(summaryId)).toString());
            driver.findElement(By.cssSelector("label[for=helpful-yes]")).click();
            driver.findElement(By.cssSelector("form.feedback-form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/api/feedback"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you for your feedback");
            assertThat(driver.findElement(By.linkText("Back to the summary")).getAttribute("href")).endsWith(pagePath(summaryId));
        } finally {
            driver.quit();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> feedbackOf(summaryId), f -> f.size() == 1);
    }

    @Test
    void theSubscribeFormAsksForConfirmation() {
        String address = "browser." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ChromeDriver driver = browser(true);
        try {
            driver.get(site("/subscribe/").toString());
            driver.findElement(By.id("subscribe-email")).sendKeys(address);
            driver.findElement(By.cssSelector("form.subscribe-form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(
                    By.cssSelector("form.subscribe-form .form-status"), "Thank you. Please check your inbox to confirm your subscription."));
        } finally {
            driver.quit();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> book.all().stream()
                .anyMatch(s -> keyring.decrypt(s.getEmail()).orElse("").equals(address)));
    }
}
