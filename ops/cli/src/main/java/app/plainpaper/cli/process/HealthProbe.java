package app.plainpaper.cli.process;

import app.plainpaper.cli.stack.StackPart;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Asks a stack part whether it is healthy: Kafka through its Admin API, services through their health endpoint. */
public final class HealthProbe {

    /** Generous: on two busy cores a healthy broker can take seconds to answer a fresh client. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public Health check(StackPart part) {
        return switch (part.kind()) {
            case KAFKA -> kafka(part.port());
            case SPRING_BOOT -> http(part.port(), part.healthPath().orElseThrow());
        };
    }

    private Health kafka(int port) {
        if (!listening(port)) {
            return Health.down("nothing listens on " + port);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? Health.up(nodes + " broker") : Health.down("no broker in the cluster yet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        } catch (Exception e) {
            return Health.down("Kafka not answering: " + e.getClass().getSimpleName());
        }
    }

    private Health http(int port, String path) {
        URI uri = URI.create("http://localhost:" + port + path);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean up = response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
            return up ? Health.up("UP") : Health.down("HTTP " + response.statusCode() + " from " + uri);
        } catch (IOException e) {
            return Health.down("no answer from " + uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        }
    }

    /** Whether something accepts connections on the local port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public record Health(boolean up, String detail) {
        static Health up(String detail) {
            return new Health(true, detail);
        }

        static Health down(String detail) {
            return new Health(false, detail);
        }
    }
}
