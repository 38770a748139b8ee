package app.plainpaper.pipeline.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** UP while the schema registry (ours or Confluent's) lists its subjects. */
public class SchemaRegistryHealthIndicator implements HealthIndicator {

    private final URI subjects;
    private final Duration timeout;
    private final HttpClient client;

    public SchemaRegistryHealthIndicator(String registryUrl, Duration timeout) {
        String first = registryUrl.split(",")[0].trim();
        this.subjects = URI.create(first.endsWith("/") ? first + "subjects" : first + "/subjects");
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Health health() {
        try {
            var response = client.send(HttpRequest.newBuilder(subjects).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            var health = response.statusCode() == 200 ? Health.up() : Health.down();
            return health.withDetail("url", subjects.toString()).withDetail("status", response.statusCode()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down().withDetail("url", subjects.toString()).withDetail("error", String.valueOf(e)).build();
        }
    }
}
