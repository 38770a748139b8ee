package app.plainpaper.serde.live;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import app.plainpaper.registry.SchemaRegistryApplication;
import app.plainpaper.serde.AvroSerdeConfig;
import app.plainpaper.serde.registry.SchemaRegistryClient;

/**
 * A real KRaft broker and our real schema registry (in-process, on a random HTTP port), started
 * once for every test class that uses this extension and stopped when the test run ends.
 */
public final class LiveRegistry implements BeforeAllCallback {

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(LiveRegistry.class.getName(), key -> start(), Running.class);
    }

    /** Broker bootstrap servers. */
    public static String bootstrapServers() {
        return current().broker.getBrokersAsString();
    }

    /** Registry base URL, e.g. http://127.0.0.1:41234. */
    public static String registryUrl() {
        return current().registryUrl;
    }

    /** A fresh registry client (empty cache) on the live registry. */
    public static SchemaRegistryClient client() {
        return new AvroSerdeConfig(Map.of("schema.registry.url", registryUrl()), false).newRegistryClient();
    }

    /** GET on the registry, for assertions on what it holds. */
    public static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registryUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private static Running current() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(LiveRegistry.class)");
        }
        return running;
    }

    private static Running start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        ConfigurableApplicationContext registry = SpringApplication.run(SchemaRegistryApplication.class,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--management.endpoints.web.exposure.include=health,metrics");
        String url = "http://127.0.0.1:" + registry.getEnvironment().getProperty("local.server.port");
        Running started = new Running(broker, registry, url);
        running = started;
        await("registry ready at " + url).atMost(Duration.ofSeconds(60))
                .until(() -> get("/subjects").statusCode() == 200);
        return started;
    }

    private record Running(EmbeddedKafkaKraftBroker broker, ConfigurableApplicationContext registry, String registryUrl)
            implements AutoCloseable {

        @Override
        public void close() {
            running = null;
            registry.close();
            broker.destroy();
        }
    }
}
