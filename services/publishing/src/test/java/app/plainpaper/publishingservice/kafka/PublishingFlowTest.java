package app.plainpaper.publishingservice.kafka;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.site.LiveSite;
import app.plainpaper.publishingservice.site.SiteServer;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static app.plainpaper.publishingservice.site.SummaryEvents.editedAndPassed;
import static app.plainpaper.publishingservice.site.SummaryEvents.passed;
import static app.plainpaper.publishingservice.site.SummaryEvents.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publishing service on a real broker and registry: publish, update, retitle, retract, unpublish and rebuild,
 * asserting the files it writes and what the site server answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishingFlowTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final Path DATA;
    static final KafkaConsumer<String, Object> PUBLISHED;

    static {
        try {
            DATA = Files.createTempDirectory("publishing-flow");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PUBLISHED = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                "schema.registry.url", BED.registryUrl(),
                "specific.avro.reader", "true"));
        PUBLISHED.subscribe(List.of(Topics.PUBLISHED));
    }

    final List<SummaryEvent> published = new ArrayList<>();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
        registry.add("plainpaper.data-dir", DATA::toString);
        registry.add("plainpaper.site.port", () -> "0");
    }

    @AfterAll
    static void close() {
        PUBLISHED.close();
    }

    @Autowired
    SiteServer server;

    @Autowired
    LiveSite site;

    @Value("${local.server.port}")
    int servicePort;

    static String token() {
        StringBuilder s = new StringBuilder();
        Random random = new Random();
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    @Test
    void publishUpdateRetitleRetractAndUnpublishThenRebuildTheSameBytes() throws Exception {
        String word = token();
        String id = "pub-" + UUID.randomUUID();
        String title = "Walking after spinal cord injury " + word;
        String slug = "walking-after-spinal-cord-injury-" + word;

        // Publish: the page is written, summary.published carries the URL.
        send(Topics.COMPLIANCE_PASSED, passed(id, 8, 1, title, "Walking speed improved."));
        SummaryEvent first = awaitPublished(id, 1);
        assertThat(first.getPublication().getUrl()).isEqualTo("http://localhost:8080/research/" + slug + "/");
        assertThat(file("research/" + slug + "/index.html")).contains("Walking speed improved.").doesNotContain("Updated on");
        assertThat(file("research/index.html")).contains(slug);
        assertThat(get("/research/" + slug + "/").statusCode()).isEqualTo(200);

        // Update: same address, "Updated on" and the editor's note of what was corrected.
        send(Topics.COMPLIANCE_PASSED, editedAndPassed(id, 20, 2, title, "Walking speed improved in 12 of 20.", 1,
                "Corrected how many participants walked faster."));
        SummaryEvent update = awaitPublished(id, 2);
        assertThat(update.getPublication().getSlug()).isEqualTo(slug);
        assertThat(update.getPublication().getUpdatedAt()).isNotNull();
        assertThat(file("research/" + slug + "/index.html"))
                .contains("Walking speed improved in 12 of 20.", "Updated on", "Corrected how many participants walked faster.");

        // Retitle: a new address; the old one answers 301 there.
        String newTitle = "Walking speed after spinal cord injury " + word;
        String newSlug = "walking-speed-after-spinal-cord-injury-" + word;
        send(Topics.COMPLIANCE_PASSED, editedAndPassed(id, 30, 3, newTitle, "Walking speed improved in 12 of 20.", 2, "New title."));
        SummaryEvent retitled = awaitPublished(id, 3);
        assertThat(retitled.getPublication().getSlug()).isEqualTo(newSlug);
        var moved = get("/research/" + slug + "/");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue("/research/" + newSlug + "/");
        assertThat(file("_redirects.map")).contains("/research/" + slug + "/ /research/" + newSlug + "/;");

        // Retraction: the page stays with a notice, and leaves listings, feed and search.
        send(Topics.RETRACTED, withdrawn(retitled, EventType.RETRACTED, "The paper was retracted."));
        await().atMost(Duration.ofSeconds(30)).until(() -> file("research/" + newSlug + "/index.html").contains("Retraction notice"));
        assertThat(file("research/index.html")).doesNotContain(newSlug);
        assertThat(file("feed.xml")).doesNotContain(newSlug);
        assertThat(file("search-index.json")).doesNotContain(newSlug);
        assertThat(get("/research/" + newSlug + "/").statusCode()).isEqualTo(200);

        // Unpublish another summary: its page is gone and its address answers 410.
        String other = "pub-" + UUID.randomUUID();
        String otherSlug = "bladder-care-" + word;
        send(Topics.COMPLIANCE_PASSED, passed(other, 8, 1, "Bladder care " + word, "Fewer infections."));
        SummaryEvent otherPublished = awaitPublished(other, 1);
        assertThat(file("index.html")).contains(otherSlug);
        send(Topics.UNPUBLISHED, withdrawn(otherPublished, EventType.UNPUBLISHED, "Unpublished by erin: duplicate"));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/research/" + otherSlug + "/").statusCode() == 410);
        assertThat(get("/research/" + otherSlug + "/").body()).contains("removed");
        assertThat(Files.exists(current().resolve("research/" + otherSlug + "/index.html"))).isFalse();
        assertThat(file("index.html")).doesNotContain(otherSlug);
        assertThat(file("_redirects.map")).contains("/research/" + otherSlug + "/ 410;");

        // Rebuild from the topics: a fresh replay renders the very same bytes as the live site.
        List<String> before = tree(current());
        var rebuild = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + servicePort + "/api/site/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rebuild.statusCode()).isEqualTo(200);
        assertThat(rebuild.body()).contains("\"changed\":false");
        assertThat(tree(current())).isEqualTo(before);

        Path elsewhere = Files.createTempDirectory("rebuilt-site");
        var fresh = new LiveSite(site.settings(), elsewhere);
        fresh.rebuild(SiteRebuild.replay(consumerFactory()));
        assertThat(tree(elsewhere.resolve("current"))).isEqualTo(before);
    }

    @Autowired
    org.springframework.kafka.core.ConsumerFactory<?, ?> consumers;

    org.springframework.kafka.core.ConsumerFactory<?, ?> consumerFactory() {
        return consumers;
    }

    SummaryEvent awaitPublished(String summaryId, int revision) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            PUBLISHED.poll(Duration.ofMillis(200)).forEach(r -> published.add((SummaryEvent) r.value()));
            return published.stream().anyMatch(e -> e.getSummaryId().equals(summaryId) && e.getRevision() == revision);
        });
        SummaryEvent event = published.stream().filter(e -> e.getSummaryId().equals(summaryId) && e.getRevision() == revision)
                .findFirst().orElseThrow();
        // The page is on disk before the event commits.
        return event;
    }

    static void send(String topic, SummaryEvent event) throws Exception {
        try (var producer = new KafkaProducer<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                "schema.registry.url", BED.registryUrl()))) {
            producer.send(new ProducerRecord<>(topic, event.getSummaryId(), event)).get();
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Path current() throws IOException {
        return DATA.resolve("site/current").toRealPath();
    }

    static String file(String path) throws IOException {
        return Files.readString(current().resolve(path));
    }

    static List<String> tree(Path dir) throws IOException {
        Path real = dir.toRealPath();
        try (var files = Files.walk(real)) {
            return files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return real.relativize(p) + " " + HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))).toLowerCase(Locale.ROOT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
