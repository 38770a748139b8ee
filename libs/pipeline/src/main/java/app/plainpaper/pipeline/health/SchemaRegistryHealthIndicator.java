package app.plainpaper.pipeline.health;

import app.plainpaper.serde.AvroSerdeConfig;
import app.plainpaper.serde.registry.RegistryEndpoint;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UP while a schema registry (ours or Confluent's) lists its subjects. With several URLs, as the serde fails over,
 * one answering is enough. Credentials (in the URL or {@code basic.auth.user.info}) are sent, never shown.
 */
public class SchemaRegistryHealthIndicator implements HealthIndicator {

    private final List<RegistryEndpoint> endpoints;
    private final Duration timeout;
    private final HttpClient client;

    /** @param registryUrl {@code schema.registry.url}: one URL, or several comma-separated */
    public SchemaRegistryHealthIndicator(String registryUrl, Duration timeout) {
        this(new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false).registryEndpoints(), timeout);
    }

    /** From the Kafka client properties the serde reads ({@code schema.registry.url}, basic auth settings). */
    public static SchemaRegistryHealthIndicator fromClientProperties(Map<String, ?> clientProperties, Duration timeout) {
        return new SchemaRegistryHealthIndicator(new AvroSerdeConfig(clientProperties, false).registryEndpoints(), timeout);
    }

    public SchemaRegistryHealthIndicator(List<RegistryEndpoint> endpoints, Duration timeout) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry endpoint is required");
        }
        this.endpoints = List.copyOf(endpoints);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Health health() {
        Map<String, Object> answers = new LinkedHashMap<>();
        String up = null;
        for (RegistryEndpoint endpoint : endpoints) {
            String answer = probe(endpoint);
            answers.put(endpoint.toString(), answer);
            if (up == null && answer.equals("HTTP 200")) {
                up = endpoint.toString();
            }
        }
        Health.Builder health = up != null ? Health.up().withDetail("url", up) : Health.down();
        return health.withDetail("endpoints", answers).build();
    }

    private String probe(RegistryEndpoint endpoint) {
        var request = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/subjects")).timeout(timeout).GET();
        if (endpoint.authorization() != null) {
            request.header("Authorization", endpoint.authorization());
        }
        try {
            return "HTTP " + client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
