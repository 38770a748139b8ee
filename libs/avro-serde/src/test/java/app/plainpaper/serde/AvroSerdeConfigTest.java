package app.plainpaper.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import app.plainpaper.serde.registry.RegistryEndpoint;
import app.plainpaper.serde.subject.RecordNameStrategy;
import app.plainpaper.serde.subject.TopicNameStrategy;
import app.plainpaper.serde.subject.TopicRecordNameStrategy;

class AvroSerdeConfigTest {

    @Test
    void defaultsMatchConfluents() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "http://localhost:8081"), false);

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.latestCompatibilityStrict()).isTrue();
        assertThat(config.latestCacheTtl()).isEmpty();
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.useLogicalTypeConverters()).isFalse();
        assertThat(config.subjectNameStrategy()).isInstanceOf(TopicNameStrategy.class);
        assertThat(config.readerSchema()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.registryEndpoints()).extracting(RegistryEndpoint::toString).containsExactly("http://localhost:8081");
        assertThat(config.registryEndpoints().get(0).authorization()).isNull();
    }

    @Test
    void readsEverySupportedPropertyAndIgnoresUnknownOnes() {
        Map<String, Object> configs = Map.ofEntries(
                Map.entry("schema.registry.url", " http://a:8081/ , http://b:8082"),
                Map.entry("auto.register.schemas", "false"),
                Map.entry("use.latest.version", true),
                Map.entry("latest.compatibility.strict", "FALSE"),
                Map.entry("latest.cache.ttl.sec", "30"),
                Map.entry("specific.avro.reader", "true"),
                Map.entry("specific.avro.value.type", "app.plainpaper.events.SummaryEvent"),
                Map.entry("avro.use.logical.type.converters", "true"),
                Map.entry("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                Map.entry("key.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
                Map.entry("schema.registry.http.read.timeout.ms", "1500"),
                Map.entry("http.connect.timeout.ms", 2500),
                Map.entry("plainpaper.avro.value.reader.schema", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}"),
                Map.entry("bootstrap.servers", "localhost:9092"),
                Map.entry("some.unknown.key", new Object()));

        AvroSerdeConfig value = new AvroSerdeConfig(configs, false);
        AvroSerdeConfig key = new AvroSerdeConfig(configs, true);

        assertThat(value.registryEndpoints()).extracting(RegistryEndpoint::toString)
                .containsExactly("http://a:8081", "http://b:8082");
        assertThat(value.autoRegisterSchemas()).isFalse();
        assertThat(value.useLatestVersion()).isTrue();
        assertThat(value.latestCompatibilityStrict()).isFalse();
        assertThat(value.latestCacheTtl()).contains(Duration.ofSeconds(30));
        assertThat(value.specificAvroReader()).isTrue();
        assertThat(value.specificAvroType()).contains("app.plainpaper.events.SummaryEvent");
        assertThat(value.useLogicalTypeConverters()).isTrue();
        assertThat(value.subjectNameStrategy()).isInstanceOf(RecordNameStrategy.class);
        assertThat(value.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(value.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(value.readerSchema()).hasValueSatisfying(s -> assertThat(s.getFullName()).isEqualTo("R"));

        assertThat(key.isKey()).isTrue();
        assertThat(key.subjectNameStrategy()).isInstanceOf(TopicRecordNameStrategy.class);
        assertThat(key.specificAvroType()).isEmpty();
        assertThat(key.readerSchema()).isEmpty();
    }

    @Test
    void acceptsAListOfUrls() {
        AvroSerdeConfig config = new AvroSerdeConfig(
                Map.of("schema.registry.url", List.of("http://a:1", "http://b:2,http://c:3")), false);

        assertThat(config.registryEndpoints()).extracting(RegistryEndpoint::toString)
                .containsExactly("http://a:1", "http://b:2", "http://c:3");
    }

    @Test
    void missingOrBadUrlIsAConfigError() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "localhost:8081"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http");
    }

    @Test
    void userInfoSourceSendsBasicAuthFromEitherProperty() {
        AvroSerdeConfig plain = new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:1",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "editor:s3cret"), false);
        AvroSerdeConfig prefixed = new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:1",
                "basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", new Password("editor:s3cret")), false);

        String expected = "Basic " + Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(plain.registryEndpoints().get(0).authorization()).isEqualTo(expected);
        assertThat(prefixed.registryEndpoints().get(0).authorization()).isEqualTo(expected);
    }

    @Test
    void urlSourceTakesCredentialsFromTheUrlAndHidesThem() {
        AvroSerdeConfig config = new AvroSerdeConfig(
                Map.of("schema.registry.url", "http://editor:s3cret@registry:8081"), false);

        RegistryEndpoint endpoint = config.registryEndpoints().get(0);
        assertThat(endpoint.toString()).isEqualTo("http://registry:8081");
        assertThat(endpoint.authorization()).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void userInfoSourceWithoutCredentialsOrAnUnsupportedSourceIsAConfigError() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:1",
                "basic.auth.credentials.source", "USER_INFO"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:1",
                "basic.auth.credentials.source", "SASL_INHERIT"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SASL_INHERIT");
    }

    @Test
    void badValuesAreConfigErrors() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:1",
                "auto.register.schemas", "yes"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:1",
                "plainpaper.avro.value.reader.schema", "{not a schema"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("plainpaper.avro.value.reader.schema");
    }
}
