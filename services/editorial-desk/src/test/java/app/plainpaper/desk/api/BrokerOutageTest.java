package app.plainpaper.desk.api;

import app.plainpaper.desk.DeskHttp;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static app.plainpaper.desk.SummaryEvents.event;
import static app.plainpaper.desk.SummaryEvents.withDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A desk on a broker of this class's own (the shared test bed must stay up for the other classes), which the class
 * stops: every write then answers 503 with a problem detail and Retry-After, and none of them changes what the desk shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerOutageTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final EmbeddedKafkaKraftBroker BROKER = ownBroker();
    static final String PASSWORD = "desk-outage-password";
    static final String CLAIMED = "outage-claimed-" + UUID.randomUUID();
    static final String FREE = "outage-free-" + UUID.randomUUID();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
        registry.add("plainpaper.desk.demo.password", () -> PASSWORD);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    DefaultKafkaProducerFactory<Object, Object> producers;

    @AfterAll
    static void stopBroker() {
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
        assertThat(get("/api/people/editor/profile").body()).contains("\"displayName\":\"Erin Editor\"");

        listeners.stop(); // nothing left to consume; keeps the consumers from slowing the shutdown
        BROKER.destroy();

        Map<String, HttpResponse<String>> writes = new java.util.LinkedHashMap<>();
        // The producer that wrote the claim meets the outage mid-use (and waits out the production bound, 10 s) ...
        writes.put("claim", post("POST", "/api/summaries/" + FREE + "/claim", ""));
        // ... fresh producers fail to start at all; 2 s, so that the test does not wait 10 s on every write.
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
