package app.plainpaper.pipeline;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.stage.StageApplication;
import app.plainpaper.registry.SchemaRegistryApplication;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outages, on a broker and a registry of this class's own (the shared test bed must stay up): while the registry
 * is down, good records wait instead of being dead-lettered; health follows both the registry and the broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageTest {

    static EmbeddedKafkaKraftBroker broker;
    static int registryPort;
    static ConfigurableApplicationContext registry;
    static ConfigurableApplicationContext stage;
    static int stagePort;

    @BeforeAll
    static void start() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        registryPort = freePort();
        registry = startRegistry();
        stage = new SpringApplicationBuilder(StageApplication.class).run(
                "--spring.config.name=" + StageApplication.NAME,
                "--spring.application.name=" + StageApplication.NAME,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.properties.schema.registry.url=" + registryUrl(),
                "--server.port=0",
                "--plainpaper.pipeline.retry.attempts=2",
                "--plainpaper.pipeline.retry.interval=100ms",
                "--plainpaper.pipeline.retry.outage-max-interval=1s",
                "--plainpaper.pipeline.health.timeout=2s");
        stagePort = Integer.parseInt(stage.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (stage != null) {
            stage.close();
        }
        if (registry != null) {
            registry.close();
        }
        broker.destroy();
    }

    @Test
    @Order(1)
    void whileTheRegistryIsDownAGoodRecordWaitsAndIsProcessedWhenItIsBack() throws Exception {
        assertThat(component("schemaRegistry")).isEqualTo("UP");
        SummaryEvent event = Events.ingested();
        byte[] written = serialized(event); // registers its schema while the registry is up

        registry.close();
        registry = null;
        await().atMost(Duration.ofSeconds(10)).until(() -> "DOWN".equals(component("schemaRegistry")));
        try (var producer = bytesProducer()) {
            producer.send(new ProducerRecord<>(StageApplication.INPUT, event.getSummaryId(), written)).get();
        }

        var topics = new TopicReader(broker.getBrokersAsString());
        String deadLetters = Topics.deadLetter(StageApplication.NAME);
        // Three deliveries of a failing record take 0.2 s here; an outage must not count as failing.
        await("nothing dead-lettered or produced while the registry is down").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> topics.committed(deadLetters).isEmpty() && topics.committed(StageApplication.OUTPUT).isEmpty());

        registry = startRegistry();
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.committed(StageApplication.OUTPUT).size() == 1);
        var output = (SummaryEvent) deserializer().deserialize(StageApplication.OUTPUT, topics.committed(StageApplication.OUTPUT).get(0).value());
        assertThat(output.getCausationId()).isEqualTo(event.getEventId());
        assertThat(topics.committed(deadLetters)).isEmpty();
        assertThat(component("schemaRegistry")).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void healthGoesDownWithinTenSecondsOfTheBrokerStopping() throws Exception {
        assertThat(component("kafka")).isEqualTo("UP");
        stage.getBean(KafkaListenerEndpointRegistry.class).stop(); // nothing left to consume; keeps shutdown short

        broker.destroy();

        await().atMost(Duration.ofSeconds(10)).until(() -> "DOWN".equals(component("kafka")));
        assertThat(health().statusCode()).isEqualTo(503);
    }

    private static String component(String name) throws Exception {
        JsonNode health = JsonMapper.builder().build().readTree(health().body());
        return health.path("components").path(name).path("status").asString();
    }

    private static HttpResponse<String> health() throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + stagePort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext startRegistry() {
        return SpringApplication.run(SchemaRegistryApplication.class,
                "--server.port=" + registryPort,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.application.name=schema-registry-outage-test",
                "--plainpaper.pipeline.provision-topics=false");
    }

    private static String registryUrl() {
        return "http://localhost:" + registryPort;
    }

    private static byte[] serialized(SummaryEvent event) {
        try (var serializer = new KafkaAvroSerializer()) {
            serializer.configure(Map.of("schema.registry.url", registryUrl()), false);
            return serializer.serialize(StageApplication.INPUT, event);
        }
    }

    private static KafkaAvroDeserializer deserializer() {
        var deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registryUrl(), "specific.avro.reader", true), false);
        return deserializer;
    }

    private static KafkaProducer<String, byte[]> bytesProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
