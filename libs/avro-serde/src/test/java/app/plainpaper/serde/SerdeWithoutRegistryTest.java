package app.plainpaper.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import app.plainpaper.serde.registry.SchemaRegistryUnavailableException;

/** What the serde decides before (or instead of) asking a registry. */
class SerdeWithoutRegistryTest {

    private final String deadUrl = "http://127.0.0.1:" + closedPort();

    @Test
    void nullIsATombstoneBothWays() {
        KafkaAvroSerializer serializer = configured(new KafkaAvroSerializer(), false);
        KafkaAvroDeserializer deserializer = configured(new KafkaAvroDeserializer(), true);

        assertThat(serializer.serialize("summaries", null)).isNull();
        assertThat(deserializer.deserialize("summaries", null)).isNull();
        assertThat(serializer.registryClient().stats().httpRequests()).isZero();
    }

    @Test
    void malformedPayloadsFailBeforeAnyRegistryCall() {
        KafkaAvroDeserializer deserializer = configured(new KafkaAvroDeserializer(), false);

        assertThatThrownBy(() -> deserializer.deserialize("summaries", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x7b");
        assertThatThrownBy(() -> deserializer.deserialize("summaries", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short");
        assertThat(deserializer.registryClient().stats().httpRequests()).isZero();
    }

    @Test
    void unsupportedTypesAreNamed() {
        KafkaAvroSerializer serializer = configured(new KafkaAvroSerializer(), false);

        assertThatThrownBy(() -> serializer.serialize("summaries", new java.util.Date()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.util.Date")
                .hasMessageContaining("SpecificRecord");
    }

    @Test
    void unreachableRegistryGivesAnErrorNamingTheUrlAndCause() {
        KafkaAvroSerializer serializer = configured(new KafkaAvroSerializer(), false);
        GenericRecord record = new GenericData.Record(SchemaBuilder.record("Ping").fields()
                .requiredString("id").endRecord());
        record.put("id", "p-1");

        assertThatThrownBy(() -> serializer.serialize("pings", record))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(deadUrl)
                .hasMessageContaining("subject 'pings-value'")
                .hasMessageContaining("ConnectException");
    }

    private <T extends org.apache.kafka.common.serialization.Serializer<?>> T configured(T serde, boolean isKey) {
        serde.configure(Map.of("schema.registry.url", deadUrl), isKey);
        return serde;
    }

    private <T extends org.apache.kafka.common.serialization.Deserializer<?>> T configured(T serde, boolean isKey) {
        serde.configure(Map.of("schema.registry.url", deadUrl), isKey);
        return serde;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
