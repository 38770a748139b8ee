package app.plainpaper.serde.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.plainpaper.serde.AvroSerdeConfig;
import app.plainpaper.serde.registry.RegisteredSchema;
import app.plainpaper.serde.registry.SchemaRegistryClient;
import app.plainpaper.serde.registry.SchemaRegistryException;

/** The registry client's calls, caches and error reporting against the real registry. */
@ExtendWith(LiveRegistry.class)
class SchemaRegistryClientTest {

    private static final Schema V1 = SchemaBuilder.record("Note").namespace("app.plainpaper.test").fields()
            .requiredString("summaryId").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Note").namespace("app.plainpaper.test").fields()
            .requiredString("summaryId").name("language").type().stringType().stringDefault("en").endRecord();

    private final String subject = "notes-" + UUID.randomUUID() + "-value";

    @Test
    void unknownSchemaIdIsReportedWithConfluentsErrorCode() {
        SchemaRegistryClient client = LiveRegistry.client();

        assertThatThrownBy(() -> client.schemaById(987_654))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("fetching schema id 987654")
                .hasMessageContaining(LiveRegistry.registryUrl())
                .hasMessageContaining("404")
                .satisfies(e -> {
                    SchemaRegistryException failure = (SchemaRegistryException) e;
                    assertThat(failure.httpStatus()).isEqualTo(404);
                    assertThat(failure.errorCode()).isEqualTo(40403);
                    assertThat(failure.registryUrl()).isEqualTo(LiveRegistry.registryUrl());
                });
    }

    @Test
    void lookUpFindsTheRegisteredIdWithoutRegistering() {
        int id = LiveRegistry.client().register(subject, V1);
        SchemaRegistryClient client = LiveRegistry.client();

        assertThat(client.idOf(subject, V1)).isEqualTo(id);
        assertThat(client.idOf(subject, V1)).isEqualTo(id);
        assertThat(client.schemaById(id)).isEqualTo(V1);

        SchemaRegistryClient.Stats stats = client.stats();
        assertThat(stats.idLookups()).isEqualTo(1);
        assertThat(stats.registrations()).isZero();
        assertThat(stats.schemaFetches()).as("the id's schema is known from the lookup").isZero();
        assertThat(stats.httpRequests()).isEqualTo(1);
    }

    @Test
    void latestVersionIsCachedForTheConfiguredTime() {
        SchemaRegistryClient forLife = LiveRegistry.client();
        SchemaRegistryClient noCache = new AvroSerdeConfig(Map.of("schema.registry.url", LiveRegistry.registryUrl(),
                "latest.cache.ttl.sec", "0"), false).newRegistryClient();
        int v1 = forLife.register(subject, V1);
        assertThat(forLife.latest(subject).id()).isEqualTo(v1);
        assertThat(noCache.latest(subject).id()).isEqualTo(v1);

        int v2 = LiveRegistry.client().register(subject, V2);
        RegisteredSchema cached = forLife.latest(subject);
        RegisteredSchema fresh = noCache.latest(subject);

        assertThat(cached.id()).isEqualTo(v1);
        assertThat(fresh.id()).isEqualTo(v2);
        assertThat(fresh.version()).isEqualTo(2);
        assertThat(fresh.schema()).isEqualTo(V2);
        assertThat(forLife.stats().latestFetches()).isEqualTo(1);
        assertThat(noCache.stats().latestFetches()).isEqualTo(2);
    }
}
