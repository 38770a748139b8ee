package app.plainpaper.publishingservice.readers;

import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.readerapi.PublishedSummaries;
import app.plainpaper.publishingservice.site.SiteServer;
import app.plainpaper.testsupport.PipelineTestBed;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The publishing service as it runs, on the shared real broker and registry, with a real SMTP server (GreenMail) on a
 * free port. Subclasses share one application context. Rate limits are tight and the test client counts as a
 * trusted proxy, so each test picks its own client address with X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReaderSite {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();
    /** A fixed test key (never used anywhere else). */
    static final String TEST_KEK = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
    static final Path DATA;

    static {
        SMTP.start();
        try {
            DATA = Files.createTempDirectory("publishing-readers");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void readerSite(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
        registry.add("plainpaper.site.port", () -> "0");
        registry.add("plainpaper.data-dir", DATA::toString);
        registry.add("plainpaper.readers.kek", () -> TEST_KEK);
        registry.add("plainpaper.readers.trusted-proxies", () -> "127.0.0.1");
        registry.add("plainpaper.readers.feedback.per-window", () -> "3");
        registry.add("plainpaper.readers.subscribe.per-window", () -> "3");
        registry.add("plainpaper.readers.erase.per-window", () -> "3");
        registry.add("plainpaper.readers.rate-window", () -> "1h");
        registry.add("plainpaper.readers.digest.cron", () -> "-");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    SiteServer site;
    @Autowired
    PublishedSummaries summaries;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

    URI site(String pathAndQuery) {
        return URI.create("http://localhost:" + site.port() + pathAndQuery);
    }

    /** A client address of its own, so rate limits of one test never touch another. */
    static String freshClient() {
        int n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    HttpResponse<String> postForm(String path, String body, String client, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(site(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(site(pathAndQuery)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Publishes a summary through the real flow (compliance-passed -> publishing) and waits until it is live. */
    String publish(String title) {
        String summaryId = "reader-" + UUID.randomUUID();
        kafka.executeInTransaction(t -> t.send(Topics.COMPLIANCE_PASSED, summaryId, ReaderTopics.passed(summaryId, title, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> summaries.find(summaryId).isPresent());
        return summaryId;
    }
}
