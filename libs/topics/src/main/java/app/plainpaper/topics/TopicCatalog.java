package app.plainpaper.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The declared topics, read from the line format of {@code ops/topics}:
 * <pre>
 * # comment
 * summary.drafted  partitions=3 cleanup.policy=delete retention.ms=-1
 * </pre>
 * Every line names one topic, then {@code partitions=N}, then any Kafka topic configs as {@code key=value}.
 */
public final class TopicCatalog {

    /** Where the plainpaper-topics jar carries a copy of ops/topics. */
    public static final String CLASSPATH_RESOURCE = "app/plainpaper/topics/topics";

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern CONFIG_KEY = Pattern.compile("[a-z][a-z0-9.]*[a-z0-9]");
    private static final String PARTITIONS = "partitions";

    private final List<TopicSpec> topics;

    private TopicCatalog(List<TopicSpec> topics) {
        this.topics = List.copyOf(topics);
    }

    public static TopicCatalog of(List<TopicSpec> topics) {
        return new TopicCatalog(topics);
    }

    public static TopicCatalog load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic catalog " + file, e);
        }
    }

    public static TopicCatalog load(InputStream in) {
        return load(in, "topics");
    }

    /** The catalog packaged in this library (a copy of ops/topics made at build time). */
    public static TopicCatalog fromClasspath() {
        InputStream in = TopicCatalog.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + CLASSPATH_RESOURCE + " is missing");
        }
        try (in) {
            return load(in, "classpath:" + CLASSPATH_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TopicCatalog load(InputStream in, String source) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<TopicSpec> topics = new ArrayList<>();
        Map<String, Integer> declaredAt = new LinkedHashMap<>();
        try {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                int hash = line.indexOf('#');
                String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                TopicSpec spec = parseLine(content, source, number);
                Integer earlier = declaredAt.putIfAbsent(spec.name(), number);
                if (earlier != null) {
                    throw new TopicCatalogException(source, number,
                            "topic '" + spec.name() + "' is already declared on line " + earlier);
                }
                topics.add(spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic catalog " + source, e);
        }
        return new TopicCatalog(topics);
    }

    private static TopicSpec parseLine(String content, String source, int number) {
        String[] tokens = content.split("\\s+");
        String name = tokens[0];
        if (!TOPIC_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new TopicCatalogException(source, number, "'" + name
                    + "' is not a valid topic name (letters, digits, '.', '_', '-'; at most 249)");
        }
        Integer partitions = null;
        Map<String, String> configs = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            int eq = token.indexOf('=');
            if (eq <= 0 || eq == token.length() - 1) {
                throw new TopicCatalogException(source, number, "'" + token + "' is not key=value (topic " + name + ")");
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            if (key.equals(PARTITIONS)) {
                if (partitions != null) {
                    throw new TopicCatalogException(source, number, "partitions given twice (topic " + name + ")");
                }
                partitions = parsePartitions(value, source, number, name);
            } else {
                if (!CONFIG_KEY.matcher(key).matches()) {
                    throw new TopicCatalogException(source, number, "'" + key + "' is not a topic config name (topic " + name + ")");
                }
                if (configs.put(key, value) != null) {
                    throw new TopicCatalogException(source, number, key + " given twice (topic " + name + ")");
                }
            }
        }
        if (partitions == null) {
            throw new TopicCatalogException(source, number, "topic " + name + " needs partitions=<n>");
        }
        return new TopicSpec(name, partitions, configs);
    }

    private static int parsePartitions(String value, String source, int number, String name) {
        try {
            int partitions = Integer.parseInt(value);
            if (partitions >= 1) {
                return partitions;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new TopicCatalogException(source, number, "partitions must be a whole number of at least 1, was '"
                + value + "' (topic " + name + ")");
    }

    public List<TopicSpec> topics() {
        return topics;
    }

    public List<String> names() {
        return topics.stream().map(TopicSpec::name).toList();
    }

    public Optional<TopicSpec> named(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The dead-letter topics, those whose names end in {@code .dlt}. */
    public List<TopicSpec> deadLetterTopics() {
        return topics.stream().filter(t -> t.name().endsWith(".dlt")).toList();
    }
}
