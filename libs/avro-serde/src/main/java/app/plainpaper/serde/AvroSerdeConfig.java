package app.plainpaper.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import app.plainpaper.serde.registry.RegistryEndpoint;
import app.plainpaper.serde.registry.SchemaRegistryClient;
import app.plainpaper.serde.subject.SubjectNameStrategy;

/**
 * The serde's settings, read from the Kafka client configuration under Confluent's property
 * names so that the same configuration works with Confluent's serializers. Unknown keys are
 * ignored (the map is the whole producer or consumer configuration).
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    /** Ours, not Confluent's: reader schema (Avro JSON) for generic value records. */
    public static final String VALUE_READER_SCHEMA = "plainpaper.avro.value.reader.schema";
    /** Ours, not Confluent's: reader schema (Avro JSON) for generic key records. */
    public static final String KEY_READER_SCHEMA = "plainpaper.avro.key.reader.schema";

    private static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(60);

    private final List<RegistryEndpoint> registryEndpoints;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final boolean latestCompatibilityStrict;
    private final Duration latestCacheTtl;
    private final boolean specificAvroReader;
    private final String specificAvroType;
    private final boolean useLogicalTypeConverters;
    private final SubjectNameStrategy subjectNameStrategy;
    private final Schema readerSchema;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean isKey;

    public AvroSerdeConfig(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegisterSchemas = bool(configs, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
        this.latestCompatibilityStrict = bool(configs, LATEST_COMPATIBILITY_STRICT, true);
        long ttl = number(configs, LATEST_CACHE_TTL_SEC, -1);
        this.latestCacheTtl = ttl < 0 ? null : Duration.ofSeconds(ttl);
        this.specificAvroReader = bool(configs, SPECIFIC_AVRO_READER, false);
        Object type = configs.get(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
        this.specificAvroType = type == null ? null
                : type instanceof Class<?> c ? c.getName() : blankToNull(type.toString());
        this.useLogicalTypeConverters = bool(configs, AVRO_USE_LOGICAL_TYPE_CONVERTERS, false);
        String strategyProperty = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        this.subjectNameStrategy = SubjectNameStrategy.of(configs.get(strategyProperty), strategyProperty);
        this.readerSchema = readerSchema(configs, isKey ? KEY_READER_SCHEMA : VALUE_READER_SCHEMA);
        this.connectTimeout = millis(configs, HTTP_CONNECT_TIMEOUT_MS);
        this.readTimeout = millis(configs, HTTP_READ_TIMEOUT_MS);
        this.registryEndpoints = endpoints(configs);
    }

    /** A registry client for these settings (URLs, credentials, timeouts, latest-version cache). */
    public SchemaRegistryClient newRegistryClient() {
        return new SchemaRegistryClient(registryEndpoints, connectTimeout, readTimeout, latestCacheTtl());
    }

    public List<RegistryEndpoint> registryEndpoints() {
        return registryEndpoints;
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean latestCompatibilityStrict() {
        return latestCompatibilityStrict;
    }

    /** Empty: the latest version, once fetched, is kept for the life of the client. */
    public Optional<Duration> latestCacheTtl() {
        return Optional.ofNullable(latestCacheTtl);
    }

    public boolean specificAvroReader() {
        return specificAvroReader;
    }

    /** Generated class to read into; empty means: the class named by the writer's schema. */
    public Optional<String> specificAvroType() {
        return Optional.ofNullable(specificAvroType);
    }

    public boolean useLogicalTypeConverters() {
        return useLogicalTypeConverters;
    }

    public SubjectNameStrategy subjectNameStrategy() {
        return subjectNameStrategy;
    }

    public Optional<Schema> readerSchema() {
        return Optional.ofNullable(readerSchema);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public boolean isKey() {
        return isKey;
    }

    private static List<RegistryEndpoint> endpoints(Map<String, ?> configs) {
        Object raw = configs.get(SCHEMA_REGISTRY_URL);
        List<String> urls = new ArrayList<>();
        if (raw instanceof Collection<?> many) {
            many.forEach(u -> splitInto(urls, String.valueOf(u)));
        } else if (raw != null) {
            splitInto(urls, raw.toString());
        }
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, raw,
                    "a schema registry URL is required, e.g. http://localhost:8081 (comma-separate several)");
        }
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL").toUpperCase(Locale.ROOT);
        String userInfo = Optional.ofNullable(string(configs, BASIC_AUTH_USER_INFO, null))
                .orElse(string(configs, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, null));
        List<RegistryEndpoint> endpoints = new ArrayList<>();
        for (String url : urls) {
            URI uri = parseUrl(url);
            String credentials = switch (source) {
                case "URL" -> uri.getRawUserInfo() == null ? null
                        : java.net.URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
                case "USER_INFO" -> {
                    if (userInfo == null || !userInfo.contains(":")) {
                        throw new ConfigException(BASIC_AUTH_USER_INFO, userInfo == null ? null : "(hidden)",
                                "basic.auth.credentials.source=USER_INFO needs basic.auth.user.info as user:password");
                    }
                    yield userInfo;
                }
                default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
                        "supported: URL (user:password@ in schema.registry.url) and USER_INFO");
            };
            endpoints.add(new RegistryEndpoint(withoutUserInfo(uri), authorization(credentials)));
        }
        return List.copyOf(endpoints);
    }

    private static void splitInto(List<String> urls, String value) {
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                urls.add(part.trim());
            }
        }
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, url, "expected an http(s) URL such as http://localhost:8081");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a valid URL: " + e.getMessage());
        }
    }

    private static URI withoutUserInfo(URI uri) {
        String text = uri.toString();
        if (uri.getRawUserInfo() != null) {
            text = text.replace(uri.getRawUserInfo() + "@", "");
        }
        // Paths are appended to the base URL, so drop a trailing slash.
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The Authorization header for {@code user:password}, or null when there are no credentials. */
    static String authorization(String credentials) {
        if (credentials == null || credentials.isEmpty()) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static Schema readerSchema(Map<String, ?> configs, String property) {
        Object value = configs.get(property);
        if (value == null) {
            return null;
        }
        if (value instanceof Schema schema) {
            return schema;
        }
        try {
            return new Schema.Parser().parse(value.toString());
        } catch (SchemaParseException e) {
            throw new ConfigException(property, "(schema)", "not a valid Avro schema: " + e.getMessage());
        }
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "expected true or false");
    }

    private static long number(Map<String, ?> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a whole number");
        }
    }

    private static Duration millis(Map<String, ?> configs, String key) {
        long fromPrefixed = number(configs, "schema.registry." + key, -1);
        long value = fromPrefixed >= 0 ? fromPrefixed : number(configs, key, -1);
        return value > 0 ? Duration.ofMillis(value) : DEFAULT_HTTP_TIMEOUT;
    }

    private static String string(Map<String, ?> configs, String key, String fallback) {
        Object value = configs.get(key);
        String text = value instanceof Password secret ? secret.value() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? fallback : text.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
