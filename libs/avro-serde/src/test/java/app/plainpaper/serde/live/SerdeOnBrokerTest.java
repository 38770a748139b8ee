package app.plainpaper.serde.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.serde.registry.SchemaRegistryClient;

/** Records through a real broker with our serde and the real registry. */
@ExtendWith(LiveRegistry.class)
class SerdeOnBrokerTest {

    private final Map<String, Object> serde = Map.of("schema.registry.url", LiveRegistry.registryUrl());

    @Test
    void specificRecordsAndTombstonesRoundTrip() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        SummaryEvent first = SampleEvents.summaryEvent("s-1", 1);
        SummaryEvent second = SampleEvents.summaryEvent("s-2", 2);
        try (KafkaProducer<Object, Object> producer = KafkaClients.producerByClassName(
                StringSerializer.class, KafkaAvroSerializer.class, serde)) {
            producer.send(new ProducerRecord<>(topic, "s-1", first)).get();
            producer.send(new ProducerRecord<>(topic, "s-2", second)).get();
            producer.send(new ProducerRecord<>(topic, "s-1", null)).get();
        }

        List<ConsumerRecord<String, Object>> records = KafkaClients.readAll(topic, 3, new StringDeserializer(),
                new KafkaAvroDeserializer(), Map.of("schema.registry.url", LiveRegistry.registryUrl(),
                        "specific.avro.reader", "true"));

        assertThat(records).extracting(ConsumerRecord::key).containsExactly("s-1", "s-2", "s-1");
        assertThat(records.get(0).value()).isInstanceOf(SummaryEvent.class).isEqualTo(first);
        assertThat(records.get(1).value()).isEqualTo(second);
        assertThat(((SummaryEvent) records.get(1).value()).getOccurredAt()).isEqualTo(second.getOccurredAt());
        assertThat(records.get(2).value()).isNull();
    }

    @Test
    void bytesOnTheTopicAreConfluentFramedWithTheRegisteredId() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), serde)) {
            producer.send(new ProducerRecord<>(topic, "s-3", SampleEvents.summaryEvent("s-3", 3))).get();
        }

        byte[] raw = KafkaClients.readAll(topic, 1, new StringDeserializer(), new ByteArrayDeserializer(), Map.of())
                .get(0).value();

        int registeredId = registry().latest(topic + "-value").id();
        assertThat(raw[0]).isZero();
        assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(registry().schemaById(registeredId)).isEqualTo(SummaryEvent.getClassSchema());
    }

    @Test
    void genericRecordsByDefault() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        SummaryEvent sent = SampleEvents.summaryEvent("s-4", 4);
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), serde)) {
            producer.send(new ProducerRecord<>(topic, "s-4", sent)).get();
        }

        Object value = KafkaClients.readAll(topic, 1, new StringDeserializer(), new KafkaAvroDeserializer(), serde)
                .get(0).value();

        assertThat(value).isInstanceOf(GenericRecord.class).isNotInstanceOf(SummaryEvent.class);
        GenericRecord record = (GenericRecord) value;
        assertThat(record.get("summaryId")).hasToString("s-4");
        assertThat(record.get("sequence")).isEqualTo(4L);
        assertThat(record.get("type")).hasToString("PAPER_INGESTED");
        assertThat(record.get("occurredAt")).isEqualTo(sent.getOccurredAt().toEpochMilli());
        assertThat(((GenericRecord) record.get("paper")).get("title")).hasToString(sent.getPaper().getTitle());
    }

    @Test
    void logicalTypeConvertersAndExplicitSpecificType() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        SummaryEvent sent = SampleEvents.summaryEvent("s-7", 7);
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), serde)) {
            producer.send(new ProducerRecord<>(topic, "s-7", sent)).get();
        }

        GenericRecord converted = (GenericRecord) KafkaClients.readAll(topic, 1, new StringDeserializer(),
                new KafkaAvroDeserializer(), Map.of("schema.registry.url", LiveRegistry.registryUrl(),
                        "avro.use.logical.type.converters", "true")).get(0).value();
        Object typed = KafkaClients.readAll(topic, 1, new StringDeserializer(), new KafkaAvroDeserializer(),
                Map.of("schema.registry.url", LiveRegistry.registryUrl(), "specific.avro.reader", "true",
                        "specific.avro.value.type", SummaryEvent.class.getName())).get(0).value();

        assertThat(converted.get("occurredAt")).isEqualTo(sent.getOccurredAt());
        assertThat(typed).isEqualTo(sent);
    }

    @Test
    void specificReaderWithoutTheGeneratedClassSaysWhichClassIsMissing() throws Exception {
        String topic = KafkaClients.newTopic("notes");
        Schema unknown = SchemaBuilder.record("RetiredEvent").namespace("app.plainpaper.retired").fields()
                .requiredString("summaryId").endRecord();
        GenericRecord record = new GenericData.Record(unknown);
        record.put("summaryId", "s-8");
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), serde)) {
            producer.send(new ProducerRecord<>(topic, "s-8", record)).get();
        }
        byte[] raw = KafkaClients.readAll(topic, 1, new StringDeserializer(), new ByteArrayDeserializer(), Map.of())
                .get(0).value();
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", LiveRegistry.registryUrl(), "specific.avro.reader", "true"),
                false);

        assertThatThrownBy(() -> deserializer.deserialize(topic, raw))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("app.plainpaper.retired.RetiredEvent")
                .hasMessageContaining("not on the classpath");
    }

    @Test
    void worksAsKeySerdeUnderTheKeySubject() throws Exception {
        String topic = KafkaClients.newTopic("keyed");
        try (KafkaProducer<Object, Object> producer = KafkaClients.producerByClassName(
                KafkaAvroSerializer.class, KafkaAvroSerializer.class, serde)) {
            producer.send(new ProducerRecord<>(topic, "s-5", SampleEvents.summaryEvent("s-5", 5))).get();
        }

        ConsumerRecord<Object, Object> record = KafkaClients.readAll(topic, 1, new KafkaAvroDeserializer(),
                new KafkaAvroDeserializer(), serde).get(0);

        assertThat(record.key()).isEqualTo("s-5");
        assertThat(((GenericRecord) record.value()).get("summaryId")).hasToString("s-5");
        assertThat(registry().latest(topic + "-key").schema().getType()).hasToString("STRING");
        assertThat(registry().latest(topic + "-value").schema().getFullName())
                .isEqualTo("app.plainpaper.events.SummaryEvent");
    }

    @Test
    void recordAndTopicRecordNameStrategiesByConfluentClassName() throws Exception {
        String topic = KafkaClients.newTopic("commands");
        Map<String, Object> config = Map.of("schema.registry.url", LiveRegistry.registryUrl(),
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
                "key.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy");
        EditorialCommand command = SampleEvents.approval("s-6");
        try (KafkaProducer<Object, Object> producer = KafkaClients.producerByClassName(
                KafkaAvroSerializer.class, KafkaAvroSerializer.class, config)) {
            producer.send(new ProducerRecord<>(topic, command.getActor(), command)).get();
        }

        ConsumerRecord<Object, Object> record = KafkaClients.readAll(topic, 1, new KafkaAvroDeserializer(),
                new KafkaAvroDeserializer(), Map.of("schema.registry.url", LiveRegistry.registryUrl(),
                        "specific.avro.reader", true)).get(0);

        assertThat(record.value()).isEqualTo(command);
        assertThat(record.key()).isEqualTo(command.getActor());
        assertThat(registry().latest(topic + "-app.plainpaper.events.EditorialCommand").schema())
                .isEqualTo(EditorialCommand.getClassSchema());
        assertThat(registry().latest("app.plainpaper.events.Actor").schema().getFullName())
                .isEqualTo("app.plainpaper.events.Actor");
        assertThat(LiveRegistry.get("/subjects/" + topic + "-value/versions").statusCode()).isEqualTo(404);
    }

    private static SchemaRegistryClient registry() {
        return LiveRegistry.client();
    }
}
