package app.plainpaper.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import app.plainpaper.serde.registry.IncompatibleSchemaException;
import app.plainpaper.serde.registry.RegisteredSchema;
import app.plainpaper.serde.registry.SchemaRegistryClient;
import app.plainpaper.serde.registry.SchemaRegistryException;

/**
 * Writes Avro records (specific or generic) and Avro primitives in the Confluent wire format,
 * registering or looking up their schema in the registry. Null stays null (a tombstone).
 * Configured with Confluent's property names (see {@link AvroSerdeConfig}), so
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer} is a drop-in replacement.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private AvroSerdeConfig config;
    private SchemaRegistryClient registry;
    private GenericData genericModel;
    private final Map<Class<?>, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
    private final Map<LatestKey, Target> latestTargets = new ConcurrentHashMap<>();

    /** For Kafka, which instantiates by class name and then calls {@link #configure}. */
    public KafkaAvroSerializer() {
    }

    /** Shares a registry client (and its cache) with other serdes. */
    public KafkaAvroSerializer(SchemaRegistryClient registry) {
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
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer is not configured: call configure(...) first");
        }
        Schema schema = schemaOf(data);
        String subject = config.subjectNameStrategy().subjectName(topic, config.isKey(), schema);
        if (config.useLatestVersion()) {
            Target target = latestTarget(subject, schema);
            return target.convert ? writeConverted(target, schema, data, topic) : write(target.id, schema, data, topic);
        }
        int id = config.autoRegisterSchemas() ? registry.register(subject, schema) : lookUp(subject, schema);
        return write(id, schema, data, topic);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        return serialize(topic, data);
    }

    /** The registry client, for its cache statistics. */
    public SchemaRegistryClient registryClient() {
        return registry;
    }

    private int lookUp(String subject, Schema schema) {
        try {
            return registry.idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() == 404) {
                throw new SchemaRegistryException("Schema " + schema.getFullName() + " is not registered under subject '"
                        + subject + "' and auto.register.schemas=false: register it first (" + e.getMessage() + ")",
                        e.registryUrl(), e.httpStatus(), e.errorCode(), e);
            }
            throw e;
        }
    }

    /**
     * With use.latest.version the record is written as the latest registered schema under its id.
     * When the record's own schema encodes differently, the datum is resolved into the latest
     * schema first (Avro schema resolution), so readers never get bytes that disagree with the id.
     */
    private Target latestTarget(String subject, Schema schema) {
        RegisteredSchema latest = registry.latest(subject);
        return latestTargets.computeIfAbsent(new LatestKey(subject, schema, latest.id()), key -> {
            boolean sameEncoding = SchemaNormalization.parsingFingerprint64(schema)
                    == SchemaNormalization.parsingFingerprint64(latest.schema());
            if (sameEncoding) {
                return new Target(latest.id(), latest.schema(), false);
            }
            SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
            if (config.latestCompatibilityStrict()
                    && compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new IncompatibleSchemaException("Record schema " + schema.getFullName()
                        + " is incompatible with the latest version (" + latest.version() + ", id " + latest.id()
                        + ") of subject '" + subject + "' in schema registry " + registry.endpoints()
                        + " (use.latest.version=true): " + compatibility.getResult().getIncompatibilities(),
                        subject, registry.endpoints().toString(), -1, -1);
            }
            return new Target(latest.id(), latest.schema(), true);
        });
    }

    private byte[] writeConverted(Target target, Schema schema, Object data, String topic) {
        byte[] own = write(0, schema, data, topic);
        try {
            Object resolved = new GenericDatumReader<>(schema, target.schema, genericModel).read(null,
                    DecoderFactory.get().binaryDecoder(own, WireFormat.HEADER_LENGTH,
                            own.length - WireFormat.HEADER_LENGTH, null));
            return encode(target.id, genericWriter(target.schema), resolved);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write a " + schema.getFullName() + " to topic '" + topic
                    + "' as the latest registered schema (id " + target.id + "): " + e.getMessage(), e);
        }
    }

    private byte[] write(int id, Schema schema, Object data, String topic) {
        DatumWriter<Object> writer = data instanceof SpecificRecord
                ? specificWriters.computeIfAbsent(data.getClass(), type -> specificWriter(type, schema))
                : genericWriter(schema);
        Object datum = data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data;
        try {
            return encode(id, writer, datum);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a " + data.getClass().getName() + " to topic '" + topic
                    + "' with schema " + schema.getFullName() + ": " + e, e);
        }
    }

    private static byte[] encode(int id, DatumWriter<Object> writer, Object datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.header(id));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DatumWriter<Object> specificWriter(Class<?> type, Schema schema) {
        // The generated class's own model carries its logical-type conversions.
        return new SpecificDatumWriter(schema, SpecificData.getForClass(type));
    }

    private DatumWriter<Object> genericWriter(Schema schema) {
        return genericWriters.computeIfAbsent(schema, s -> new GenericDatumWriter<>(s, genericModel));
    }

    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (data instanceof CharSequence) {
            return STRING;
        }
        if (data instanceof Integer) {
            return INT;
        }
        if (data instanceof Long) {
            return LONG;
        }
        if (data instanceof Boolean) {
            return BOOLEAN;
        }
        if (data instanceof Float) {
            return FLOAT;
        }
        if (data instanceof Double) {
            return DOUBLE;
        }
        if (data instanceof byte[] || data instanceof ByteBuffer) {
            return BYTES;
        }
        throw new SerializationException("Cannot serialize a " + data.getClass().getName()
                + " as Avro: expected a SpecificRecord, a GenericRecord (or other GenericContainer), "
                + "a String, Integer, Long, Boolean, Float, Double, byte[] or ByteBuffer");
    }

    private record LatestKey(String subject, Schema schema, int latestId) {
    }

    private record Target(int id, Schema schema, boolean convert) {
    }
}
