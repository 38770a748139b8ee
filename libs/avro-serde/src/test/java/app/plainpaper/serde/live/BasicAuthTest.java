package app.plainpaper.serde.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.serde.registry.SchemaRegistryException;

/**
 * Basic auth as sent to a registry behind an authenticating gateway (a common deployment): the
 * gateway checks the credentials and forwards to our real registry.
 */
@ExtendWith(LiveRegistry.class)
class BasicAuthTest {

    private static final String CREDENTIALS = "editor:s3cret";

    private final List<String> seenAuthorizations = new CopyOnWriteArrayList<>();
    private final HttpClient forward = HttpClient.newHttpClient();
    private HttpServer gateway;
    private String gatewayUrl;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", this::checkAndForward);
        gateway.start();
        gatewayUrl = "http://127.0.0.1:" + gateway.getAddress().getPort();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void userInfoCredentialsAreSentAsBasicAuth() throws Exception {
        produce(Map.of("schema.registry.url", gatewayUrl, "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", CREDENTIALS));

        assertThat(seenAuthorizations).isNotEmpty().containsOnly(basic(CREDENTIALS));
    }

    @Test
    void urlCredentialsAreSentAsBasicAuth() throws Exception {
        produce(Map.of("schema.registry.url", gatewayUrl.replace("http://", "http://" + CREDENTIALS + "@")));

        assertThat(seenAuthorizations).isNotEmpty().containsOnly(basic(CREDENTIALS));
    }

    @Test
    void rejectedCredentialsSayWhichSettingsToCheck() {
        assertThatThrownBy(() -> produce(Map.of("schema.registry.url", gatewayUrl,
                "basic.auth.credentials.source", "USER_INFO", "schema.registry.basic.auth.user.info", "editor:wrong")))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(gatewayUrl)
                .hasMessageContaining("401")
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining("wrong");
        assertThat(seenAuthorizations).containsOnly(basic("editor:wrong"));
    }

    private static void produce(Map<String, Object> config) throws Exception {
        String topic = KafkaClients.newTopic("summaries");
        try (KafkaProducer<String, Object> producer = KafkaClients.producer(new StringSerializer(),
                new KafkaAvroSerializer(), config)) {
            producer.send(new ProducerRecord<>(topic, "s-40", SampleEvents.summaryEvent("s-40", 40))).get();
        }
    }

    private void checkAndForward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seenAuthorizations.add(String.valueOf(authorization));
            if (!basic(CREDENTIALS).equals(authorization)) {
                respond(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create(LiveRegistry.registryUrl() + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofString());
            respond(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
