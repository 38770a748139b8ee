package app.plainpaper.serde.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.serde.registry.SchemaRegistryClient;
import app.plainpaper.serde.registry.SchemaRegistryUnavailableException;

/** Registry outages give clear errors; a steady stream costs one registry call per schema. */
@ExtendWith(LiveRegistry.class)
class RegistryFailureAndCacheTest {

    private final String url = LiveRegistry.registryUrl();
    private final String deadUrl = "http://127.0.0.1:" + closedPort();

    @Test
    void producerFailsClearlyWhenTheRegistryIsDown() {
        String topic = KafkaClients.newTopic("summaries");
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), Map.of("schema.registry.url", deadUrl))) {

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "s-20",
                    SampleEvents.summaryEvent("s-20", 20))))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Schema registry unavailable")
                    .hasMessageContaining(deadUrl)
                    .hasMessageContaining("ConnectException")
                    .hasMessageContaining("'" + topic + "-value'");
        }
    }

    @Test
    void consumerFailsClearlyWhenTheRegistryIsDown() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), Map.of("schema.registry.url", url))) {
            producer.send(new ProducerRecord<>(topic, "s-21", SampleEvents.summaryEvent("s-21", 21))).get();
        }
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        Map<String, Object> config = KafkaClients.consumerConfig(Map.of("schema.registry.url", deadUrl));
        values.configure(config, false);

        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            List<Throwable> failures = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200));
                } catch (RecordDeserializationException e) {
                    failures.add(e);
                }
                return !failures.isEmpty();
            });
            assertThat(failures.get(0).getCause())
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining(deadUrl)
                    .hasMessageContaining("fetching schema id");
        }
    }

    @Test
    void failsOverToTheNextRegistryUrlAndSticksWithIt() throws Exception {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        String first = KafkaClients.newTopic("summaries");
        String second = KafkaClients.newTopic("summaries");
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(), serializer,
                Map.of("schema.registry.url", deadUrl + "," + url))) {
            producer.send(new ProducerRecord<>(first, "s-22", SampleEvents.summaryEvent("s-22", 22))).get();
            assertThat(serializer.registryClient().stats().httpRequests()).isEqualTo(2);

            producer.send(new ProducerRecord<>(second, "s-23", SampleEvents.summaryEvent("s-23", 23))).get();
            assertThat(serializer.registryClient().stats().httpRequests()).isEqualTo(3);
        }
        assertThat(LiveRegistry.client().latest(second + "-value").schema()).isEqualTo(SummaryEvent.getClassSchema());
    }

    @Test
    void aSteadyStreamRegistersOnceAndFetchesTheSchemaOnce() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        int records = 200;
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        double postsBefore = registryPostRequests();
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(), serializer,
                Map.of("schema.registry.url", url))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "s-" + i, SampleEvents.summaryEvent("s-" + i, i))));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        }
        double postsAfter = registryPostRequests();

        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        List<ConsumerRecord<String, Object>> read = KafkaClients.readAll(topic, records, new StringDeserializer(),
                deserializer, Map.of("schema.registry.url", url, "specific.avro.reader", "true"));

        SchemaRegistryClient.Stats written = serializer.registryClient().stats();
        assertThat(written.registrations()).isEqualTo(1);
        assertThat(written.httpRequests()).isEqualTo(1);
        assertThat(written.cacheHits()).isEqualTo(records - 1);
        assertThat(postsAfter - postsBefore).isEqualTo(1.0);

        SchemaRegistryClient.Stats readStats = deserializer.registryClient().stats();
        assertThat(read).hasSize(records);
        assertThat(readStats.schemaFetches()).isEqualTo(1);
        assertThat(readStats.httpRequests()).isEqualTo(1);
    }

    @Test
    void malformedRecordsFailWithAClearReasonThatErrorHandlingDeserializerKeeps() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        byte[] json = "{\"summaryId\":\"s-24\"}".getBytes();
        byte[] truncated = {0, 0, 1};
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(new StringSerializer(),
                new ByteArraySerializer(), Map.of())) {
            producer.send(new ProducerRecord<>(topic, "s-24", json)).get();
            producer.send(new ProducerRecord<>(topic, "s-25", truncated)).get();
        }

        List<ConsumerRecord<String, Object>> records = KafkaClients.readAll(topic, 2, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new KafkaAvroDeserializer()),
                Map.of("schema.registry.url", url));

        assertThat(records).extracting(ConsumerRecord::value).containsOnlyNulls();
        DeserializationException jsonFailure = failureOf(records.get(0));
        DeserializationException truncatedFailure = failureOf(records.get(1));
        assertThat(jsonFailure.getCause()).isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x7b").hasMessageContaining("'" + topic + "'");
        assertThat(jsonFailure.getData()).isEqualTo(json);
        assertThat(truncatedFailure.getCause()).hasMessageContaining("3 bytes").hasMessageContaining("too short");
        assertThat(truncatedFailure.getData()).isEqualTo(truncated);
    }

    /** What a dead-letter recoverer would publish: the reason and the original bytes. */
    private static DeserializationException failureOf(ConsumerRecord<?, ?> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(RegistryFailureAndCacheTest.class));
        assertThat(failure).as("deserialization failure header on offset " + record.offset()).isNotNull();
        return failure;
    }

    /** Count of POST requests the registry has served, from its actuator metrics. */
    private static double registryPostRequests() throws IOException {
        var response = LiveRegistry.get("/actuator/metrics/http.server.requests?tag=method:POST");
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        for (JsonNode measurement : body.path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + response.body());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
