package app.plainpaper.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads {@code ops/stack}: one process a line, {@code <name> key=value ...}, '#' comments.
 * Required keys: kind, module, port, stage; spring-boot parts also need health; kafka needs controller-port.
 */
public final class StackFile {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> KNOWN_KEYS = Set.of("kind", "module", "port", "health", "stage",
            "controller-port", "also-serves");

    private final List<StackPart> parts;

    private StackFile(List<StackPart> parts) {
        this.parts = List.copyOf(parts);
    }

    public static StackFile load(Path file) {
        try {
            return parse(Files.readAllLines(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stack file " + file, e);
        }
    }

    public static StackFile parse(List<String> lines, String source) {
        List<StackPart> parts = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<Integer, String> ports = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            StackPart part = parseLine(content, source, number);
            Integer earlier = names.putIfAbsent(part.name(), number);
            if (earlier != null) {
                throw new StackFileException(source, number, part.name() + " is already declared on line " + earlier);
            }
            List<Integer> partPorts = new ArrayList<>(List.of(part.port()));
            part.intSetting("controller-port").ifPresent(partPorts::add);
            part.alsoServes().ifPresent(partPorts::add);
            for (int port : partPorts) {
                String owner = ports.putIfAbsent(port, part.name());
                if (owner != null) {
                    throw new StackFileException(source, number, "port " + port + " of " + part.name()
                            + " is already used by " + owner);
                }
            }
            parts.add(part);
        }
        if (parts.stream().filter(p -> p.kind() == StackPart.Kind.KAFKA).count() != 1) {
            throw new StackFileException(source, lines.size(), "the stack needs exactly one part of kind=kafka");
        }
        return new StackFile(parts);
    }

    private static StackPart parseLine(String content, String source, int number) {
        String[] tokens = content.split("\\s+");
        String name = tokens[0];
        if (!NAME.matcher(name).matches()) {
            throw new StackFileException(source, number, "'" + name + "' is not a part name (lower-case letters, digits, '-')");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int t = 1; t < tokens.length; t++) {
            String token = tokens[t];
            int eq = token.indexOf('=');
            if (eq <= 0 || eq == token.length() - 1) {
                throw new StackFileException(source, number, "'" + token + "' is not key=value (" + name + ")");
            }
            String key = token.substring(0, eq);
            if (!KNOWN_KEYS.contains(key)) {
                throw new StackFileException(source, number, "unknown key '" + key + "' (" + name + "); known: "
                        + String.join(", ", KNOWN_KEYS.stream().sorted().toList()));
            }
            if (settings.put(key, token.substring(eq + 1)) != null) {
                throw new StackFileException(source, number, key + " given twice (" + name + ")");
            }
        }
        String kindLabel = required(settings, "kind", source, number, name);
        StackPart.Kind kind = StackPart.Kind.ofLabel(kindLabel).orElseThrow(() -> new StackFileException(source, number,
                "kind must be kafka or spring-boot, was '" + kindLabel + "' (" + name + ")"));
        String module = required(settings, "module", source, number, name);
        int port = port(settings, "port", source, number, name);
        int stage = number(settings, "stage", source, number, name);
        Optional<String> health = Optional.ofNullable(settings.remove("health"));
        if (kind == StackPart.Kind.SPRING_BOOT && health.isEmpty()) {
            throw new StackFileException(source, number, name + " needs health=<path>");
        }
        if (health.isPresent() && !health.get().startsWith("/")) {
            throw new StackFileException(source, number, "health must be a path starting with '/' (" + name + ")");
        }
        if (kind == StackPart.Kind.KAFKA && !settings.containsKey("controller-port")) {
            throw new StackFileException(source, number, name + " needs controller-port=<n>");
        }
        for (String portKey : List.of("controller-port", "also-serves")) {
            if (settings.containsKey(portKey)) {
                port(settings, portKey, source, number, name);
            }
        }
        for (String key : List.of("kind", "module", "port", "stage")) {
            settings.remove(key);
        }
        return new StackPart(name, kind, module, port, health, stage, settings);
    }

    private static String required(Map<String, String> settings, String key, String source, int number, String name) {
        String value = settings.get(key);
        if (value == null) {
            throw new StackFileException(source, number, name + " needs " + key + "=...");
        }
        return value;
    }

    private static int number(Map<String, String> settings, String key, String source, int number, String name) {
        String value = required(settings, key, source, number, name);
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StackFileException(source, number, key + " must be a whole number, was '" + value + "' (" + name + ")");
    }

    private static int port(Map<String, String> settings, String key, String source, int number, String name) {
        int port = number(settings, key, source, number, name);
        if (port < 1 || port > 65535) {
            throw new StackFileException(source, number, key + " must be between 1 and 65535, was " + port + " (" + name + ")");
        }
        return port;
    }

    public List<StackPart> parts() {
        return parts;
    }

    public Optional<StackPart> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public StackPart kafka() {
        return parts.stream().filter(p -> p.kind() == StackPart.Kind.KAFKA).findFirst().orElseThrow();
    }

    /** Parts grouped by stage, in start order. */
    public List<List<StackPart>> stages() {
        Map<Integer, List<StackPart>> byStage = new TreeMap<>();
        parts.forEach(p -> byStage.computeIfAbsent(p.stage(), s -> new ArrayList<>()).add(p));
        return List.copyOf(byStage.values());
    }

    /** Parts in stop order: the last stage first. */
    public List<StackPart> stopOrder() {
        return parts.stream().sorted(Comparator.comparingInt(StackPart::stage).reversed()).toList();
    }
}
