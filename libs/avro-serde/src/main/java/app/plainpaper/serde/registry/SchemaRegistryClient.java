package app.plainpaper.serde.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Client for the Confluent schema registry REST API (as served by our registry and by
 * Confluent's). Ids and schemas are immutable in a registry, so they are cached for good:
 * a steady stream of records makes no HTTP calls. The latest version of a subject can change,
 * so it is cached for a configurable time (by default: for the life of the client).
 * Thread-safe.
 */
public final class SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private final List<RegistryEndpoint> endpoints;
    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration latestTtl;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /** Index of the endpoint that answered last: keep using it until it fails. */
    private final AtomicInteger preferred = new AtomicInteger();

    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Expiring> latestBySubject = new ConcurrentHashMap<>();

    private final LongAdder httpRequests = new LongAdder();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder idLookups = new LongAdder();
    private final LongAdder schemaFetches = new LongAdder();
    private final LongAdder latestFetches = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();

    public SchemaRegistryClient(List<RegistryEndpoint> endpoints, Duration connectTimeout, Duration readTimeout,
            Optional<Duration> latestTtl) {
        this(endpoints, connectTimeout, readTimeout, latestTtl, Clock.systemUTC());
    }

    SchemaRegistryClient(List<RegistryEndpoint> endpoints, Duration connectTimeout, Duration readTimeout,
            Optional<Duration> latestTtl, Clock clock) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one registry endpoint is required");
        }
        this.endpoints = List.copyOf(endpoints);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.readTimeout = readTimeout;
        this.latestTtl = latestTtl.orElse(null);
        this.clock = clock;
    }

    /** Registers the schema under the subject (idempotent in the registry) and returns its id. */
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            cacheHits.increment();
            return cached;
        }
        registrations.increment();
        String action = "registering a schema under subject '" + subject + "'";
        JsonNode answer = send(action, subject, "POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = requiredInt(answer, "id", action);
        log.info("Schema registry: subject '{}' has schema id {}", subject, id);
        remember(key, id);
        return id;
    }

    /** Looks up the id of a schema already registered under the subject (no registration). */
    public int idOf(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            cacheHits.increment();
            return cached;
        }
        idLookups.increment();
        String action = "looking up the schema's id under subject '" + subject + "'";
        JsonNode answer = send(action, subject, "POST", "/subjects/" + encode(subject), schemaBody(schema));
        int id = requiredInt(answer, "id", action);
        remember(key, id);
        return id;
    }

    /** The schema with the given id. */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            cacheHits.increment();
            return cached;
        }
        schemaFetches.increment();
        String action = "fetching schema id " + id;
        JsonNode answer = send(action, null, "GET", "/schemas/ids/" + id, null);
        Schema schema = parse(requiredText(answer, "schema", action), action);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    /** The subject's latest registered version. */
    public RegisteredSchema latest(String subject) {
        Instant now = clock.instant();
        Expiring cached = latestBySubject.get(subject);
        if (cached != null && (cached.expiresAt == null || now.isBefore(cached.expiresAt))) {
            cacheHits.increment();
            return cached.schema;
        }
        latestFetches.increment();
        String action = "fetching the latest version of subject '" + subject + "'";
        JsonNode answer = send(action, subject, "GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        int id = requiredInt(answer, "id", action);
        Schema schema = parse(requiredText(answer, "schema", action), action);
        RegisteredSchema latest = new RegisteredSchema(subject, answer.path("version").asInt(-1), id, schema);
        schemasById.putIfAbsent(id, schema);
        latestBySubject.put(subject, new Expiring(latest, latestTtl == null ? null : now.plus(latestTtl)));
        return latest;
    }

    public List<RegistryEndpoint> endpoints() {
        return endpoints;
    }

    public Stats stats() {
        return new Stats(httpRequests.sum(), registrations.sum(), idLookups.sum(), schemaFetches.sum(),
                latestFetches.sum(), cacheHits.sum());
    }

    /**
     * Counters since the client was created. {@code httpRequests} counts every attempt, including
     * fail-overs; the others count operations that had to ask the registry.
     */
    public record Stats(long httpRequests, long registrations, long idLookups, long schemaFetches,
            long latestFetches, long cacheHits) {
    }

    private void remember(SubjectSchema key, int id) {
        idsBySubjectSchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, key.schema());
    }

    private String schemaBody(Schema schema) {
        try {
            return json.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON body", e);
        }
    }

    /**
     * Sends to the preferred endpoint, failing over to the next on connection errors and
     * server errors; a 4xx answer is final. Returns the parsed JSON body of a 2xx answer.
     */
    private JsonNode send(String action, String subject, String method, String path, String body) {
        List<String> failures = new ArrayList<>();
        Throwable lastCause = null;
        int start = preferred.get();
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            int index = (start + attempt) % endpoints.size();
            RegistryEndpoint endpoint = endpoints.get(index);
            HttpRequest request = request(endpoint, method, path, body);
            HttpResponse<String> response;
            try {
                httpRequests.increment();
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures.add(endpoint + " (" + describe(e) + ")");
                lastCause = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException(
                        "Interrupted while " + action + " at schema registry " + endpoint, endpoint.toString(), e);
            }
            int status = response.statusCode();
            if (status >= 500) {
                ErrorBody error = errorBody(response.body());
                failures.add(endpoint + " (HTTP " + status + error.describe() + ")");
                continue;
            }
            preferred.set(index);
            if (status >= 200 && status < 300) {
                return readJson(response.body(), action, endpoint);
            }
            throw refusal(action, subject, endpoint, status, errorBody(response.body()));
        }
        String urls = endpoints.stream().map(RegistryEndpoint::toString).collect(Collectors.joining(","));
        throw new SchemaRegistryUnavailableException(
                "Schema registry unavailable while " + action + ": " + String.join("; ", failures), urls, lastCause);
    }

    private HttpRequest request(RegistryEndpoint endpoint, String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                .timeout(readTimeout)
                .header("Accept", ACCEPT);
        if (endpoint.authorization() != null) {
            builder.header("Authorization", endpoint.authorization());
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private SchemaRegistryException refusal(String action, String subject, RegistryEndpoint endpoint, int status,
            ErrorBody error) {
        String answered = "schema registry " + endpoint + " answered HTTP " + status + error.describe();
        if (status == 409) {
            return new IncompatibleSchemaException("Schema is incompatible with the earlier versions of subject '"
                    + subject + "' (" + answered + ")", subject, endpoint.toString(), status, error.code);
        }
        String hint = status == 401 || status == 403
                ? " (check basic.auth.credentials.source and basic.auth.user.info)" : "";
        return new SchemaRegistryException("Failed " + action + ": " + answered + hint, endpoint.toString(), status,
                error.code, null);
    }

    private JsonNode readJson(String body, String action, RegistryEndpoint endpoint) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException("Failed " + action + ": schema registry " + endpoint
                    + " answered with a body that is not JSON: " + abbreviate(body), endpoint.toString(), 200, -1, e);
        }
    }

    private ErrorBody errorBody(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return new ErrorBody(node.path("error_code").asInt(-1),
                        node.hasNonNull("message") ? node.get("message").asText() : abbreviate(body));
            }
        } catch (JsonProcessingException notJson) {
            // fall through: report the raw body
        }
        return new ErrorBody(-1, abbreviate(body));
    }

    private record ErrorBody(int code, String message) {
        String describe() {
            String text = message == null || message.isBlank() ? "" : message;
            if (code < 0) {
                return text.isEmpty() ? "" : ": " + text;
            }
            return ", error_code " + code + (text.isEmpty() ? "" : ": " + text);
        }
    }

    private static Schema parse(String text, String action) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Failed " + action + ": the registry returned a schema Avro cannot parse: "
                    + e.getMessage(), null, 200, -1, e);
        }
    }

    private static int requiredInt(JsonNode node, String field, String action) {
        if (node == null || !node.path(field).canConvertToInt()) {
            throw new SchemaRegistryException("Failed " + action + ": the registry's answer has no '" + field + "'",
                    null, 200, -1, null);
        }
        return node.get(field).asInt();
    }

    private static String requiredText(JsonNode node, String field, String action) {
        if (node == null || !node.path(field).isTextual()) {
            throw new SchemaRegistryException("Failed " + action + ": the registry's answer has no '" + field + "'",
                    null, 200, -1, null);
        }
        return node.get(field).asText();
    }

    /** The exception's type and the first message in its cause chain (HttpClient often leaves its own empty). */
    private static String describe(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Expiring(RegisteredSchema schema, Instant expiresAt) {
    }
}
