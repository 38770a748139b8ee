package app.plainpaper.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import app.plainpaper.serde.registry.SchemaRegistryClient;

/**
 * Reads Confluent-framed Avro. The writer's schema comes from the registry by the id in the
 * payload; the reader's schema is the generated class's ({@code specific.avro.reader=true}), a
 * configured one, the subject's latest ({@code use.latest.version=true}), or else the writer's.
 * Avro schema resolution bridges the two, so records written before a schema change stay
 * readable. Null stays null. Bad bytes raise a {@link SerializationException} that names the
 * topic and the problem, for an error-handling deserializer to dead-letter.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private AvroSerdeConfig config;
    private SchemaRegistryClient registry;
    private GenericData genericModel;
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka, which instantiates by class name and then calls {@link #configure}. */
    public KafkaAvroDeserializer() {
    }

    /** Shares a registry client (and its cache) with other serdes. */
    public KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs, isKey);
        if (registry == null) {
            registry = config.newRegistryClient();
        }
        this.genericModel = AvroModels.generic(config.useLogicalTypeConverters());
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroDeserializer is not configured: call configure(...) first");
        }
        WireFormat.Framed framed = WireFormat.unframe(data, topic);
        Schema writer = registry.schemaById(framed.schemaId());
        DatumReader<Object> reader = readerFor(topic, framed.schemaId(), writer);
        try {
            Object value = reader.read(null, DecoderFactory.get()
                    .binaryDecoder(framed.payload(), framed.offset(), framed.length(), null));
            // Avro reads strings as Utf8; a top-level string key or value should be a String.
            return writer.getType() == Schema.Type.STRING ? value.toString() : value;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot deserialize the Avro record from topic '" + topic
                    + "' with writer schema id " + framed.schemaId() + " (" + writer.getFullName() + "): " + e, e);
        }
    }

    /** The registry client, for its cache statistics. */
    public SchemaRegistryClient registryClient() {
        return registry;
    }

    private DatumReader<Object> readerFor(String topic, int writerId, Schema writer) {
        if (config.specificAvroReader() && isNamed(writer)) {
            return readers.computeIfAbsent(new ReaderKey(writerId, null), key -> specificReader(writerId, writer));
        }
        Schema reader = config.readerSchema().orElse(null);
        if (reader == null && config.useLatestVersion()) {
            String subject = config.subjectNameStrategy().subjectName(topic, config.isKey(), writer);
            reader = registry.latest(subject).schema();
        }
        Schema readerSchema = reader == null ? writer : reader;
        return readers.computeIfAbsent(new ReaderKey(writerId, readerSchema),
                key -> new GenericDatumReader<>(writer, readerSchema, genericModel));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DatumReader<Object> specificReader(int writerId, Schema writer) {
        String className = config.specificAvroType().orElse(writer.getFullName());
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SerializationException("specific.avro.reader=true, but class " + className
                    + (config.specificAvroType().isPresent() ? " (from specific.avro." + (config.isKey() ? "key" : "value")
                            + ".type)" : " (named by writer schema id " + writerId + ")")
                    + " is not on the classpath", e);
        }
        SpecificData model = SpecificData.getForClass(type);
        Schema reader = model.getSchema(type);
        return new SpecificDatumReader(writer, reader, model);
    }

    private static boolean isNamed(Schema schema) {
        return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : KafkaAvroDeserializer.class.getClassLoader();
    }

    private record ReaderKey(int writerId, Schema reader) {
    }
}
