package app.plainpaper.desk.api;

import app.plainpaper.desk.DeskHttp;
import app.plainpaper.desk.EditorialDeskApplication;
import app.plainpaper.events.EventType;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static app.plainpaper.desk.SummaryEvents.event;
import static app.plainpaper.desk.SummaryEvents.withDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A desk on a broker of this class's own (the shared test bed must stay up for the other classes), which the class
 * stops: every write then answers 503 with a problem detail and Retry-After, and none of them changes what the desk
 * shows. Last, the class shuts this desk down with a queue stream open.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerOutageTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final EmbeddedKafkaKraftBroker BROKER = ownBroker();
    static final String PASSWORD = "desk-outage-password";
    static final String CLAIMED = "outage-claimed-" + UUID.randomUUID();
    static final String FREE = "outage-free-" + UUID.randomUUID();

    // Started here rather than by the Spring test support, whose context cache would not let the test shut it down.
    static ConfigurableApplicationContext desk;
    static int port;
    static QueueStream queueStream;

    @BeforeAll
    static void startDesk() {
        desk = new SpringApplicationBuilder(EditorialDeskApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + BROKER.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=" + BED.registryUrl(),
                "--server.port=0",
                "--plainpaper.desk.demo.password=" + PASSWORD,
                "--plainpaper.desk.stream-heartbeat=300ms");
        port = Integer.parseInt(desk.getEnvironment().getProperty("local.server.port"));
        queueStream = desk.getBean(QueueStream.class);
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
        BROKER.destroy();
    }

    @Test
    @Order(1)
    void whileKafkaIsDownEveryWriteAnswers503AndChangesNothing() throws Exception {
        publish(CLAIMED);
        publish(FREE);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/summaries/" + CLAIMED).statusCode() == 200
                && get("/api/summaries/" + FREE).statusCode() == 200);
        assertThat(post("POST", "/api/summaries/" + CLAIMED + "/claim", "").statusCode()).isEqualTo(200);
        // Seeded in the background once the desk is up.
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/people/editor/profile").body().contains("\"displayName\":\"Erin Editor\""));

        desk.getBean(KafkaListenerEndpointRegistry.class).stop(); // nothing left to consume; keeps the shutdown short
        BROKER.destroy();

        Map<String, HttpResponse<String>> writes = new java.util.LinkedHashMap<>();
        // The producer that wrote the claim meets the outage mid-use (and waits out the production bound, 10 s) ...
        writes.put("claim", post("POST", "/api/summaries/" + FREE + "/claim", ""));
        // ... fresh producers fail to start at all; 2 s, so that the test does not wait 10 s on every write.
        DefaultKafkaProducerFactory<?, ?> producers = desk.getBean(DefaultKafkaProducerFactory.class);
        producers.updateConfigs(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000));
        producers.reset();
        writes.put("release", post("POST", "/api/summaries/" + CLAIMED + "/release", ""));
        writes.put("comment", post("POST", "/api/summaries/" + CLAIMED + "/revisions/2/comments", "{\"text\":\"Is 30 right?\"}"));
        writes.put("profile", post("PUT", "/api/people/editor/profile", "{\"displayName\":\"Erin Changed\",\"credentials\":\"BA\"}"));
        writes.put("decision", post("POST", "/api/summaries/" + FREE + "/decisions",
                "{\"revision\":2,\"action\":\"approve\",\"comment\":\"Reads well\"}"));
        writes.forEach((write, response) -> {
            assertThat(response.statusCode()).as(write + ": " + response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).as(write).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).as(write).hasValue("30");
            assertThat(response.body()).as(write).contains(
                    "\"type\":\"https://plainpaper.app/problems/desk-temporarily-unavailable\"",
                    "\"title\":\"Desk temporarily unavailable\"", "\"status\":503",
                    "\"detail\":\"The desk could not record this because its event log (Kafka) is not answering. Nothing was changed; try again in 30 seconds.\"");
        });

        // Nothing half-written: the read model is what it was before the outage.
        assertThat(get("/api/summaries/" + CLAIMED + "/revisions/2/comments").body()).isEqualTo("[]");
        assertThat(get("/api/queues/editor?assignee=editor").body()).contains(CLAIMED).doesNotContain(FREE);
        assertThat(get("/api/people/editor/profile").body()).contains("\"displayName\":\"Erin Editor\"").doesNotContain("Erin Changed");
    }

    /** This desk is the test's own to stop: its open queue streams end as the shutdown starts, not when it times out. */
    @Test
    @Order(2)
    void openQueueStreamsEndWhenTheDeskShutsDown() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/queues/stream"))
                .header("Authorization", DeskHttp.basic("editor", PASSWORD)).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> open = DeskHttp.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> open.body().forEach(lines::add), "sse-until-shutdown");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:counts") && lines.contains(": keep-alive"));
        assertThat(queueStream.open()).isEqualTo(1);

        Thread shutdown = new Thread(desk::close, "desk-shutdown");
        shutdown.start();
        await("the stream ends with the desk").atMost(Duration.ofSeconds(15)).until(() -> !reader.isAlive());
        assertThat(queueStream.open()).isZero();
        shutdown.join(60_000);
        desk = null;
    }

    private static void publish(String summaryId) throws Exception {
        try (var producer = new KafkaProducer<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                "schema.registry.url", BED.registryUrl()))) {
            producer.send(new ProducerRecord<>(Topics.ACCURACY_CHECKED, summaryId, withDraft(
                    event(summaryId, 4, 2, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW),
                    "Researchers studied 30 patients.", java.util.List.of("Pain")))).get();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return DeskHttp.HTTP.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .header("Authorization", DeskHttp.basic("editor", PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String method, String path, String json) throws Exception {
        return DeskHttp.HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", DeskHttp.basic("editor", PASSWORD))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static EmbeddedKafkaKraftBroker ownBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("transaction.state.log.num.partitions", "1");
        broker.afterPropertiesSet();
        return broker;
    }
}
