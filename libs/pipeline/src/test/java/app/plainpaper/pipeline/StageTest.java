package app.plainpaper.pipeline;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.kafka.DeadLetters;
import app.plainpaper.pipeline.kafka.SummaryLogContext;
import app.plainpaper.pipeline.stage.DraftingStandIn;
import app.plainpaper.pipeline.stage.Mishaps;
import app.plainpaper.pipeline.stage.StageApplication;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.plainpaper.pipeline.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stage built only from the pipeline library and its defaults, on a real KRaft broker with our real registry:
 * transactions, retries, dead letters, poison records, idempotency, log context, tracing and health.
 */
@SpringBootTest(classes = StageApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The registry's jar (via test-support) carries an application.properties; the stage must not read it.
        "spring.config.name=" + StageApplication.NAME,
        "spring.application.name=" + StageApplication.NAME,
        "plainpaper.pipeline.retry.attempts=2",
        "plainpaper.pipeline.retry.interval=100ms",
})
class StageTest {

    static final PipelineTestBed BED = PipelineTestBed.start();
    static final String DLT = Topics.deadLetter(StageApplication.NAME);
    static final Duration WAIT = Duration.ofSeconds(30);

    static final KafkaProducer<String, Object> EVENTS = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
            "schema.registry.url", BED.registryUrl()));
    static final KafkaProducer<String, byte[]> BYTES = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
    }

    @AfterAll
    static void closeProducers() {
        EVENTS.close();
        BYTES.close();
    }

    @Autowired
    Mishaps mishaps;

    @Value("${local.server.port}")
    int port;

    final TopicReader topics = new TopicReader(BED.bootstrapServers());
    final KafkaAvroDeserializer avro = avroDeserializer();

    @Test
    void aFailingStepLeavesNothingCommittedIsRetriedThenDeadLetteredAndTheStreamGoesOn() throws Exception {
        SummaryEvent failing = Events.ingested();
        SummaryEvent next = Events.ingested();
        mishaps.plan(failing.getSummaryId(), Mishaps.Kind.FAIL_ALWAYS);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        var traced = new ProducerRecord<String, Object>(StageApplication.INPUT, failing.getSummaryId(), failing);
        traced.headers().add("traceparent", ("00-" + traceId + "-" + traceId.substring(16) + "-01").getBytes(StandardCharsets.US_ASCII));

        EVENTS.send(traced).get();
        send(next);

        await().atMost(WAIT).until(() -> outputsCausedBy(next, topics.committed(StageApplication.OUTPUT)).size() == 1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(failing.getSummaryId());

        // 1 delivery + 2 retries, each of which sent its output and was rolled back.
        assertThat(mishaps.attempts(failing.getSummaryId())).isEqualTo(3);
        assertThat(outputsCausedBy(failing, topics.committed(StageApplication.OUTPUT))).isEmpty();
        assertThat(outputsCausedBy(failing, topics.uncommitted(StageApplication.OUTPUT))).hasSize(3);

        assertThat(decode(DLT, deadLetter).getEventId()).isEqualTo(failing.getEventId());
        assertThat(header(deadLetter, DeadLetters.REASON_HEADER))
                .isEqualTo("IllegalStateException: Planned failure on attempt 3 of " + failing.getSummaryId());
        assertThat(header(deadLetter, DeadLetters.CONSUMER_HEADER)).isEqualTo(StageApplication.NAME);
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(StageApplication.INPUT);
        assertThat(header(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo("stage"); // the listener id
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("Planned failure");
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(header(deadLetter, DeadLetters.TRACE_ID_HEADER)).isEqualTo(traceId);
    }

    @Test
    void aStepThatFailsOnceCommitsExactlyOneOutputOnItsRetry() {
        SummaryEvent flaky = Events.ingested();
        mishaps.plan(flaky.getSummaryId(), Mishaps.Kind.FAIL_ONCE);

        send(flaky);

        await().atMost(WAIT).until(() -> outputsCausedBy(flaky, topics.committed(StageApplication.OUTPUT)).size() == 1);
        assertThat(mishaps.attempts(flaky.getSummaryId())).isEqualTo(2);
        assertThat(outputsCausedBy(flaky, topics.uncommitted(StageApplication.OUTPUT))).hasSize(2);
        SummaryEvent drafted = outputsCausedBy(flaky, topics.committed(StageApplication.OUTPUT)).get(0);
        assertThat(drafted.getSequence()).isEqualTo(flaky.getSequence() + 1);
        assertThat(drafted.getType()).isEqualTo(EventType.DRAFT_WRITTEN);
        assertThat(drafted.getCorrelationId()).isEqualTo(flaky.getCorrelationId());
        assertThat(drafted.getActor().getId()).isEqualTo(StageApplication.NAME);
        assertThat(deadLettersKeyed(flaky.getSummaryId())).isEmpty();
    }

    @Test
    void anUnprocessableEventIsDeadLetteredAtOnce() {
        SummaryEvent unprocessable = Events.ingested();
        SummaryEvent next = Events.ingested();
        mishaps.plan(unprocessable.getSummaryId(), Mishaps.Kind.UNPROCESSABLE);

        send(unprocessable);
        send(next);

        await().atMost(WAIT).until(() -> outputsCausedBy(next, topics.committed(StageApplication.OUTPUT)).size() == 1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(unprocessable.getSummaryId());
        assertThat(mishaps.attempts(unprocessable.getSummaryId())).isEqualTo(1);
        assertThat(header(deadLetter, DeadLetters.REASON_HEADER))
                .isEqualTo("UnprocessableEvent: Summary " + unprocessable.getSummaryId() + " cannot be drafted by design");
        assertThat(outputsCausedBy(unprocessable, topics.committed(StageApplication.OUTPUT))).isEmpty();
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsOriginalBytesAndTheConsumerGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] notOurWireFormat = "{\"title\": \"a JSON paper sent to an Avro topic\"}".getBytes(StandardCharsets.UTF_8);
        // Magic byte 0 and a schema id that the registry never issued.
        byte[] unknownSchema = HexFormat.of().parseHex("007ffffff00102030405");
        SummaryEvent next = Events.ingested();

        BYTES.send(new ProducerRecord<>(StageApplication.INPUT, poisonKey, notOurWireFormat)).get();
        BYTES.send(new ProducerRecord<>(StageApplication.INPUT, poisonKey + "-unknown-schema", unknownSchema)).get();
        send(next);

        await().atMost(WAIT).until(() -> outputsCausedBy(next, topics.committed(StageApplication.OUTPUT)).size() == 1);
        ConsumerRecord<String, byte[]> json = deadLetterOf(poisonKey);
        assertThat(json.value()).isEqualTo(notOurWireFormat);
        assertThat(header(json, DeadLetters.REASON_HEADER)).isNotBlank();
        assertThat(header(json, "kafka_dlt-original-topic")).isEqualTo(StageApplication.INPUT);
        assertThat(json.headers().lastHeader("springDeserializerExceptionValue")).isNull();

        ConsumerRecord<String, byte[]> unknown = deadLetterOf(poisonKey + "-unknown-schema");
        assertThat(unknown.value()).isEqualTo(unknownSchema);
        assertThat(header(unknown, DeadLetters.REASON_HEADER)).isNotBlank();
        System.out.println("REASONS: " + header(json, DeadLetters.REASON_HEADER) + " | " + header(unknown, DeadLetters.REASON_HEADER));
    }

    @Test
    void aDuplicatedInputMakesNoSecondOutput() {
        SummaryEvent event = Events.ingested();
        SummaryEvent marker = Events.ingested();

        send(event);
        send(event);
        send(marker);

        await().atMost(WAIT).until(() -> outputsCausedBy(marker, topics.committed(StageApplication.OUTPUT)).size() == 1);
        assertThat(outputsCausedBy(event, topics.committed(StageApplication.OUTPUT))).hasSize(1);
    }

    @Test
    void logLinesWrittenInTheListenerCarryTheSummaryAndCorrelationIds() {
        SummaryEvent event = Events.ingested();
        try (CapturedLog log = CapturedLog.of(DraftingStandIn.class)) {
            send(event);
            await().atMost(WAIT).until(() -> log.lines().stream().anyMatch(l -> l.message().contains(event.getEventId())));
            CapturedLog.Line line = log.lines().stream().filter(l -> l.message().contains(event.getEventId())).findFirst().orElseThrow();
            assertThat(line.mdc()).containsEntry(SummaryLogContext.SUMMARY_ID, event.getSummaryId())
                    .containsEntry(SummaryLogContext.CORRELATION_ID, event.getCorrelationId());
        }
    }

    @Test
    void theTraceContextOfTheInputTravelsToTheOutputAndIntoTheLogs() throws Exception {
        SummaryEvent event = Events.ingested();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = UUID.randomUUID().toString().replace("-", "").substring(16);
        String traceparent = "00-" + traceId + "-" + parentSpanId + "-01";
        var record = new ProducerRecord<String, Object>(StageApplication.INPUT, event.getSummaryId(), event);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));

        try (CapturedLog log = CapturedLog.of(DraftingStandIn.class)) {
            EVENTS.send(record).get();
            await().atMost(WAIT).until(() -> outputRecordsCausedBy(event).size() == 1);
            ConsumerRecord<String, byte[]> output = outputRecordsCausedBy(event).get(0);
            assertThat(header(output, "traceparent")).startsWith("00-" + traceId + "-");
            CapturedLog.Line line = log.lines().stream().filter(l -> l.message().contains(event.getEventId())).findFirst().orElseThrow();
            assertThat(line.mdc()).containsEntry("traceId", traceId);
        }
    }

    @Test
    void aTraceStartedByAnHttpRequestFlowsThroughTheListenerToItsOutput() throws Exception {
        String summaryId = "summary-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/summaries/" + summaryId))
                        .header("traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-01")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        SummaryEvent ingested = Events.ingested(summaryId);
        ingested.setEventId(response.body());

        await().atMost(WAIT).until(() -> outputRecordsCausedBy(ingested).size() == 1);
        assertThat(header(outputRecordsCausedBy(ingested).get(0), "traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void anHttpRequestWithoutATraceStartsOneThatTheEventsCarry() throws Exception {
        String summaryId = "summary-" + UUID.randomUUID();
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/summaries/" + summaryId))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        SummaryEvent ingested = Events.ingested(summaryId);
        ingested.setEventId(response.body());

        await().atMost(WAIT).until(() -> outputRecordsCausedBy(ingested).size() == 1);
        String input = header(topics.committed(StageApplication.INPUT).stream()
                .filter(r -> summaryId.equals(r.key())).findFirst().orElseThrow(), "traceparent");
        String output = header(outputRecordsCausedBy(ingested).get(0), "traceparent");
        assertThat(input).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(output.substring(0, 35)).isEqualTo(input.substring(0, 35));
        assertThat(output).isNotEqualTo(input); // a span of its own, in the same trace
    }

    @Test
    void healthShowsTheBrokerAndTheRegistryUp() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode health = JsonMapper.builder().build().readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("details").path("nodes").asInt()).isEqualTo(1);
        assertThat(health.path("components").path("schemaRegistry").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("schemaRegistry").path("details").path("url").asString())
                .startsWith(BED.registryUrl());

        var readiness = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JsonMapper.builder().build().readTree(readiness.body()).path("components").propertyNames())
                .contains("kafka", "schemaRegistry", "readinessState");
    }

    private void send(SummaryEvent event) {
        try {
            EVENTS.send(new ProducerRecord<>(StageApplication.INPUT, event.getSummaryId(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SummaryEvent> outputsCausedBy(SummaryEvent input, List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> decode(StageApplication.OUTPUT, r))
                .filter(e -> input.getEventId().equals(e.getCausationId()))
                .toList();
    }

    private List<ConsumerRecord<String, byte[]>> outputRecordsCausedBy(SummaryEvent input) {
        return topics.committed(StageApplication.OUTPUT).stream()
                .filter(r -> input.getEventId().equals(decode(StageApplication.OUTPUT, r).getCausationId()))
                .toList();
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(String key) {
        return await().atMost(WAIT).until(() -> deadLettersKeyed(key), records -> records.size() == 1).get(0);
    }

    private List<ConsumerRecord<String, byte[]>> deadLettersKeyed(String key) {
        return topics.committed(DLT).stream().filter(r -> key.equals(r.key())).toList();
    }

    private SummaryEvent decode(String topic, ConsumerRecord<String, byte[]> record) {
        return (SummaryEvent) avro.deserialize(topic, record.value());
    }

    private static KafkaAvroDeserializer avroDeserializer() {
        var deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", BED.registryUrl(), "specific.avro.reader", true), false);
        return deserializer;
    }
}
