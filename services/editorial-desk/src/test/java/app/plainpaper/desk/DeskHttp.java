package app.plainpaper.desk;

import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * One desk on the real broker and registry, shared by the API test classes (same configuration, so Spring starts it
 * once): the demo users, a user to lock out ({@code locky}), and a user without a desk role ({@code visitor}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DeskHttp {

    public static final PipelineTestBed BED = PipelineTestBed.start();
    public static final String PASSWORD = "desk-test-password";
    public static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void pipeline(DynamicPropertyRegistry registry) {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        registry.add("spring.kafka.bootstrap-servers", BED::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url", BED::registryUrl);
        registry.add("plainpaper.desk.demo.password", () -> PASSWORD);
        registry.add("plainpaper.desk.users[0].username", () -> "locky");
        registry.add("plainpaper.desk.users[0].password-hash", () -> hash);
        registry.add("plainpaper.desk.users[0].roles[0]", () -> "editor");
        registry.add("plainpaper.desk.users[0].display-name", () -> "Lee Locky");
        registry.add("plainpaper.desk.users[1].username", () -> "visitor");
        registry.add("plainpaper.desk.users[1].password-hash", () -> hash);
        registry.add("plainpaper.desk.users[1].roles[0]", () -> "reader");
        registry.add("plainpaper.desk.users[1].display-name", () -> "Val Visitor");
        registry.add("plainpaper.desk.login-limits.max-failures", () -> "3");
        registry.add("plainpaper.desk.login-limits.lock-for", () -> "PT1H");
        registry.add("plainpaper.desk.profiles.admin.credentials", () -> "MD, FRCP");
        registry.add("plainpaper.desk.comment-max-length", () -> "500");
        registry.add("plainpaper.desk.stream-heartbeat", () -> "300ms");
    }

    @Value("${local.server.port}")
    protected int port;

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> get(String user, String path) throws Exception {
        var builder = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", basic(user, PASSWORD));
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> send(String user, String path, String json) throws Exception {
        return send(user, "POST", path, json);
    }

    protected HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        var builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (user != null) {
            builder.header("Authorization", basic(user, PASSWORD));
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser session: its cookie and the CSRF token it must send. */
    public record Session(String cookie, String csrfHeader, String csrfToken) {
    }

    /** Logs in through the form, as a browser does: CSRF token first, then the form post; 302 on success. */
    protected HttpResponse<String> formLogin(String user, String password) throws Exception {
        var csrf = HTTP.send(HttpRequest.newBuilder(uri("/api/csrf")).build(), HttpResponse.BodyHandlers.ofString());
        String token = json(csrf.body(), "token");
        return HTTP.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie(csrf))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected Session session(String user) throws Exception {
        var login = formLogin(user, PASSWORD);
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("Login of " + user + " failed: " + login.statusCode() + " " + login.headers().map());
        }
        String cookie = cookie(login);
        var me = HTTP.send(HttpRequest.newBuilder(uri("/api/me")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        return new Session(cookie, json(me.body(), "headerName"), json(me.body(), "token"));
    }

    public static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow(() -> new AssertionError("No session cookie"));
    }

    /** A string field of a flat JSON body (enough for tokens and ids). */
    public static String json(String body, String field) {
        var matcher = java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No " + field + " in " + body);
        }
        return matcher.group(1);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void publish(String topic, String key, Object value) throws Exception {
        try (var producer = new KafkaProducer<String, Object>(BED.avroProducer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Committed records of a topic that match, read from its start until at least {@code atLeast} match. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> records(String topic, Class<T> type, Predicate<T> wanted, int atLeast) {
        List<T> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, Object>(BED.avroConsumer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(200))) {
                    if (type.isInstance(r.value()) && wanted.test((T) r.value())) {
                        found.add((T) r.value());
                    }
                }
                return found.size() >= atLeast;
            });
        }
        return found;
    }
}
