package app.plainpaper.composecheck;

import app.plainpaper.cli.stack.StackFile;
import app.plainpaper.cli.stack.StackPart;
import app.plainpaper.topics.TopicCatalog;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a compose file without a Docker engine: it must satisfy the Compose Specification schema, and agree
 * with the repository: build contexts, Dockerfiles and bind-mounted files exist, every ops/stack part is a
 * service with the same ports, and every topic the file names is in ops/topics.
 * Relative paths are resolved against the repository root, where docker-compose.yml lives.
 */
public final class ComposeCheck {

    /** Our topic names: summary events, per-service dead letters, the registry's storage. */
    private static final Pattern TOPIC = Pattern.compile("(?<![\\w.-])(summary\\.[a-z0-9-]+|[a-z0-9-]+\\.dlt|_schemas)(?![\\w.-])");
    private static final Pattern SERVER_PORT = Pattern.compile("^--server\\.port=(\\d+)$");
    private static final Pattern LOCAL_URL_PORT = Pattern.compile("//localhost:(\\d+)");

    private final Schema schema;
    private final StackFile stack;
    private final TopicCatalog topics;
    private final Path repo;

    public ComposeCheck(InputStream composeSpecSchema, Path repo) {
        // The spec's $id is relative ("compose_spec.json"): give it a base; the schema is read from the stream, not fetched.
        JsonNode schemaTree = JsonMapper.builder().build().readTree(composeSpecSchema);
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("https://plainpaper.invalid/schemas/compose-spec.json"), schemaTree);
        this.repo = repo;
        this.stack = StackFile.load(repo.resolve("ops/stack"));
        this.topics = TopicCatalog.load(repo.resolve("ops/topics"));
    }

    /** Every problem found, each naming where; empty when the file is fine. */
    public List<String> check(Path composeFile) throws java.io.IOException {
        Object document;
        try (InputStream in = Files.newInputStream(composeFile)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        List<String> problems = new ArrayList<>();
        JsonNode tree = JsonMapper.builder().build().valueToTree(document);
        for (Error error : schema.validate(tree)) {
            problems.add("schema: " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> services)) {
            problems.add("no services");
            return problems;
        }
        for (StackPart part : stack.parts()) {
            if (!services.containsKey(part.name())) {
                problems.add("service " + part.name() + " of ops/stack is missing");
            }
        }
        services.forEach((name, definition) -> {
            if (definition instanceof Map<?, ?> service) {
                checkService(String.valueOf(name), service, problems);
            }
        });
        Set<String> named = new LinkedHashSet<>();
        collectTopics(document, named);
        for (String topic : named) {
            if (topics.named(topic).isEmpty()) {
                problems.add("topic " + topic + " is named but not declared in ops/topics");
            }
        }
        return problems;
    }

    private void checkService(String name, Map<?, ?> service, List<String> problems) {
        Optional<StackPart> part = stack.part(name);
        checkBuild(name, service.get("build"), part, problems);
        checkBindMounts(name, service.get("volumes"), problems);
        if (part.isEmpty()) {
            return;
        }
        int port = part.get().port();
        if (service.get("ports") instanceof List<?> ports) {
            for (Object mapping : ports) {
                Optional<int[]> hostAndContainer = hostAndContainer(mapping);
                if (hostAndContainer.isEmpty()) {
                    problems.add("service " + name + ": cannot read port mapping " + mapping);
                } else if (hostAndContainer.get()[0] != port || hostAndContainer.get()[1] != port) {
                    problems.add("service " + name + " maps " + hostAndContainer.get()[0] + ":" + hostAndContainer.get()[1]
                            + "; ops/stack says " + port);
                }
            }
        } else {
            problems.add("service " + name + " publishes no port; ops/stack says " + port);
        }
        for (String value : strings(service.get("command"))) {
            Matcher matcher = SERVER_PORT.matcher(value);
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) != port) {
                problems.add("service " + name + " runs with " + value + "; ops/stack says " + port);
            }
        }
        if (service.get("healthcheck") instanceof Map<?, ?> health) {
            for (String value : strings(health.get("test"))) {
                Matcher matcher = LOCAL_URL_PORT.matcher(value);
                while (matcher.find()) {
                    if (Integer.parseInt(matcher.group(1)) != port) {
                        problems.add("service " + name + " health check asks port " + matcher.group(1)
                                + "; ops/stack says " + port);
                    }
                }
            }
        }
    }

    private void checkBuild(String name, Object build, Optional<StackPart> part, List<String> problems) {
        if (build == null) {
            return;
        }
        String context = build instanceof Map<?, ?> map ? String.valueOf(map.containsKey("context") ? map.get("context") : ".")
                : String.valueOf(build);
        Path contextDir = repo.resolve(context).normalize();
        if (!Files.isDirectory(contextDir)) {
            problems.add("service " + name + ": build context " + context + " does not exist");
            return;
        }
        String dockerfile = build instanceof Map<?, ?> map && map.get("dockerfile") != null
                ? String.valueOf(map.get("dockerfile")) : "Dockerfile";
        if (!Files.isRegularFile(contextDir.resolve(dockerfile))) {
            problems.add("service " + name + ": Dockerfile " + dockerfile + " does not exist in " + context);
        }
        if (build instanceof Map<?, ?> map && map.get("args") instanceof Map<?, ?> args && args.get("MODULE") != null) {
            String module = String.valueOf(args.get("MODULE"));
            if (part.isPresent()) {
                if (!module.equals(part.get().module())) {
                    problems.add("service " + name + " builds " + module + "; ops/stack says " + part.get().module());
                }
            } else if (!Files.isRegularFile(contextDir.resolve(module).resolve("pom.xml"))) {
                problems.add("service " + name + " builds " + module + ", which is no Maven module");
            }
        }
    }

    private void checkBindMounts(String name, Object volumes, List<String> problems) {
        for (String volume : strings(volumes)) {
            String source = volume.split(":", 2)[0];
            if ((source.startsWith("./") || source.startsWith("../")) && !Files.exists(repo.resolve(source).normalize())) {
                problems.add("service " + name + " mounts " + source + ", which does not exist");
            }
        }
    }

    /** "8091:8091", "127.0.0.1:8091:8091", 8091, or the long syntax {target, published}. */
    private static Optional<int[]> hostAndContainer(Object mapping) {
        try {
            if (mapping instanceof Map<?, ?> longSyntax) {
                int target = Integer.parseInt(String.valueOf(longSyntax.get("target")));
                Object published = longSyntax.get("published");
                return Optional.of(new int[] {published == null ? -1 : Integer.parseInt(String.valueOf(published)), target});
            }
            String[] parts = String.valueOf(mapping).replaceAll("/(tcp|udp)$", "").split(":");
            int container = Integer.parseInt(parts[parts.length - 1]);
            int host = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : -1;
            return Optional.of(new int[] {host, container});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static void collectTopics(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                collectTopics(k, into);
                collectTopics(v, into);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectTopics(item, into));
        } else if (node instanceof String text) {
            Matcher matcher = TOPIC.matcher(text);
            while (matcher.find()) {
                into.add(matcher.group(1));
            }
        }
    }
}
