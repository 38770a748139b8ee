package app.plainpaper.serde.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.serde.registry.IncompatibleSchemaException;
import app.plainpaper.serde.registry.SchemaRegistryClient;
import app.plainpaper.serde.registry.SchemaRegistryException;

/** Old records stay readable after a schema change; incompatible changes are refused clearly. */
@ExtendWith(LiveRegistry.class)
class SchemaEvolutionTest {

    /** SummaryEvent as it was before two defaulted fields were added. */
    private static final Schema OLD_SUMMARY_EVENT = withoutFields(SummaryEvent.getClassSchema(), "decisions", "publication");

    private static final Schema NOTE_V1 = SchemaBuilder.record("Note").namespace("app.plainpaper.test").fields()
            .requiredString("summaryId").endRecord();
    private static final Schema NOTE_V2_DEFAULTED = SchemaBuilder.record("Note").namespace("app.plainpaper.test").fields()
            .requiredString("summaryId").name("language").type().stringType().stringDefault("en").endRecord();
    private static final Schema NOTE_V2_REQUIRED = SchemaBuilder.record("Note").namespace("app.plainpaper.test").fields()
            .requiredString("summaryId").requiredString("language").endRecord();

    private final String url = LiveRegistry.registryUrl();

    @Test
    void oldEventsReadIntoTheCurrentGeneratedClass() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        SummaryEvent before = SampleEvents.summaryEvent("s-10", 10);
        SummaryEvent after = SampleEvents.summaryEvent("s-10", 11);
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), Map.of("schema.registry.url", url))) {
            producer.send(new ProducerRecord<>(topic, "s-10", as(OLD_SUMMARY_EVENT, before))).get();
            producer.send(new ProducerRecord<>(topic, "s-10", after)).get();
        }

        List<ConsumerRecord<String, Object>> records = KafkaClients.readAll(topic, 2, new StringDeserializer(),
                new KafkaAvroDeserializer(), Map.of("schema.registry.url", url, "specific.avro.reader", "true"));

        SummaryEvent old = (SummaryEvent) records.get(0).value();
        assertThat(old.getSchema().getField("publication")).isNotNull();
        assertThat(old.getDecisions()).isEmpty();
        assertThat(old.getPublication()).isNull();
        assertThat(old.getEventId()).isEqualTo(before.getEventId());
        assertThat(old.getPaper()).isEqualTo(before.getPaper());
        assertThat(old).isEqualTo(before);
        assertThat(records.get(1).value()).isEqualTo(after);

        List<Integer> writerIds = KafkaClients.readAll(topic, 2, new StringDeserializer(), new ByteArrayDeserializer(),
                Map.of()).stream().map(r -> ByteBuffer.wrap(r.value(), 1, 4).getInt()).toList();
        SchemaRegistryClient registry = LiveRegistry.client();
        assertThat(registry.schemaById(writerIds.get(0)).getField("publication")).isNull();
        assertThat(registry.schemaById(writerIds.get(1))).isEqualTo(SummaryEvent.getClassSchema());
    }

    @Test
    void genericReaderSchemaFillsDefaults() throws Exception {
        String topic = KafkaClients.newTopic("notes");
        produce(topic, Map.of("schema.registry.url", url), note(NOTE_V1, "s-11"));

        Object configured = readOne(topic, Map.of("schema.registry.url", url,
                "plainpaper.avro.value.reader.schema", NOTE_V2_DEFAULTED.toString()));
        Object asWritten = readOne(topic, Map.of("schema.registry.url", url));

        assertThat(((GenericRecord) configured).getSchema()).isEqualTo(NOTE_V2_DEFAULTED);
        assertThat(((GenericRecord) configured).get("summaryId")).hasToString("s-11");
        assertThat(((GenericRecord) configured).get("language")).hasToString("en");
        assertThat(((GenericRecord) asWritten).getSchema()).isEqualTo(NOTE_V1);
    }

    @Test
    void deserializerWithUseLatestVersionReadsAsTheSubjectsLatestSchema() throws Exception {
        String topic = KafkaClients.newTopic("notes");
        produce(topic, Map.of("schema.registry.url", url), note(NOTE_V1, "s-12"));
        LiveRegistry.client().register(topic + "-value", NOTE_V2_DEFAULTED);

        GenericRecord read = (GenericRecord) readOne(topic, Map.of("schema.registry.url", url,
                "use.latest.version", "true"));

        assertThat(read.getSchema()).isEqualTo(NOTE_V2_DEFAULTED);
        assertThat(read.get("language")).hasToString("en");
    }

    @Test
    void serializerWithUseLatestVersionWritesOldRecordsAsTheLatestSchema() throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        int latestId = LiveRegistry.client().register(topic + "-value", SummaryEvent.getClassSchema());
        SummaryEvent event = SampleEvents.summaryEvent("s-13", 13);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(), serializer,
                Map.of("schema.registry.url", url, "auto.register.schemas", "false", "use.latest.version", "true"))) {
            producer.send(new ProducerRecord<>(topic, "s-13", as(OLD_SUMMARY_EVENT, event))).get();
        }

        byte[] raw = KafkaClients.readAll(topic, 1, new StringDeserializer(), new ByteArrayDeserializer(), Map.of())
                .get(0).value();
        Object read = readOne(topic, Map.of("schema.registry.url", url, "specific.avro.reader", "true"));

        assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).isEqualTo(latestId);
        assertThat(read).isEqualTo(event);
        assertThat(serializer.registryClient().stats().registrations()).isZero();
        assertThat(LiveRegistry.get("/subjects/" + topic + "-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void useLatestVersionRefusesARecordTheLatestSchemaCannotRead() {
        String topic = KafkaClients.newTopic("notes");
        LiveRegistry.client().register(topic + "-value", NOTE_V2_REQUIRED);

        assertThatThrownBy(() -> produce(topic, Map.of("schema.registry.url", url, "use.latest.version", "true"),
                note(NOTE_V1, "s-14")))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("incompatible with the latest version")
                .hasMessageContaining("'" + topic + "-value'")
                .hasMessageContaining("language");

        assertThatThrownBy(() -> produce(topic, Map.of("schema.registry.url", url, "use.latest.version", "true",
                "latest.compatibility.strict", "false"), note(NOTE_V1, "s-14")))
                .as("without the check, Avro resolution itself fails")
                .isNotInstanceOf(IncompatibleSchemaException.class)
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                .hasMessageContaining("as the latest registered schema");
    }

    @Test
    void registryRefusalOfAnIncompatibleSchemaNamesTheSubject() throws Exception {
        String topic = KafkaClients.newTopic("notes");
        produce(topic, Map.of("schema.registry.url", url), note(NOTE_V1, "s-15"));

        GenericRecord incompatible = note(NOTE_V2_REQUIRED, "s-15");
        incompatible.put("language", "de");
        assertThatThrownBy(() -> produce(topic, Map.of("schema.registry.url", url), incompatible))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("incompatible")
                .hasMessageContaining("subject '" + topic + "-value'")
                .hasMessageContaining(url)
                .hasMessageContaining("409")
                .satisfies(e -> assertThat(((IncompatibleSchemaException) e).subject()).isEqualTo(topic + "-value"));
    }

    @Test
    void withoutAutoRegisterOnlyRegisteredSchemasAreWritten() throws Exception {
        String topic = KafkaClients.newTopic("notes");
        Map<String, Object> lookupOnly = Map.of("schema.registry.url", url, "auto.register.schemas", false);

        assertThatThrownBy(() -> produce(topic, lookupOnly, note(NOTE_V1, "s-16")))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not registered under subject '" + topic + "-value'")
                .hasMessageContaining("auto.register.schemas=false")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(404));

        int id = LiveRegistry.client().register(topic + "-value", NOTE_V1);
        produce(topic, lookupOnly, note(NOTE_V1, "s-16"));

        byte[] raw = KafkaClients.readAll(topic, 1, new StringDeserializer(), new ByteArrayDeserializer(), Map.of())
                .get(0).value();
        assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).isEqualTo(id);
    }

    private static void produce(String topic, Map<String, Object> config, Object value) throws Exception {
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), config)) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static Object readOne(String topic, Map<String, Object> config) {
        return KafkaClients.readAll(topic, 1, new StringDeserializer(), new KafkaAvroDeserializer(), config)
                .get(0).value();
    }

    private static GenericRecord note(Schema schema, String summaryId) {
        GenericRecord note = new GenericData.Record(schema);
        note.put("summaryId", summaryId);
        return note;
    }

    static Schema withoutFields(Schema schema, String... names) {
        Set<String> dropped = Set.of(names);
        assertThat(schema.getFields()).extracting(Schema.Field::name).containsAll(dropped);
        List<Schema.Field> kept = schema.getFields().stream()
                .filter(f -> !dropped.contains(f.name()))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
    }

    /** The event as a generic record of an older schema (Avro resolution drops the newer fields). */
    static GenericRecord as(Schema olderSchema, SummaryEvent event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(SummaryEvent.getClassSchema()).write(event, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(SummaryEvent.getClassSchema(), olderSchema)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
