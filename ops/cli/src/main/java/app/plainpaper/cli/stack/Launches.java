package app.plainpaper.cli.stack;

import app.plainpaper.cli.process.ProcessSupervisor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The command lines of the stack's processes: JVM options, classpath or jar, and the settings each service reads. */
public final class Launches {

    /** Fixed KRaft cluster id ("plainpaper-local" in base64), so formatting is repeatable. */
    public static final String CLUSTER_ID = "cGxhaW5wYXBlci1sb2NhbA";

    /**
     * Small heaps that start small (-Xms: the serial collector grows them only as needed) and a quick-to-start JIT:
     * the whole stack shares two cores and a laptop's memory.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx192m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
    public static final List<String> KAFKA_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    private final Workspace workspace;
    private final StackFile stack;
    private final String java;

    public Launches(Workspace workspace, StackFile stack) {
        this.workspace = workspace;
        this.stack = stack;
        this.java = ProcessHandle.current().info().command().orElse("java");
    }

    public String java() {
        return java;
    }

    /** What must exist before the part can start: the broker classpath or the service's exec jar. */
    public Optional<Path> artifact(StackPart part) {
        Path target = workspace.module(part).resolve("target");
        return switch (part.kind()) {
            case KAFKA -> Optional.of(target.resolve("lib")).filter(Launches::hasJars);
            case SPRING_BOOT -> execJar(target);
        };
    }

    /** Newest change to the sources every service is built from (libs, schemas, parent pom); read once per command. */
    private Long sharedSourcesChanged;

    /**
     * Whether a service's jar is older than the sources it is built from: its module, the shared libraries, the
     * schemas and the parent pom. After a pull or an edit, starting the old jar would run yesterday's code.
     */
    public boolean outOfDate(StackPart part) {
        if (part.kind() != StackPart.Kind.SPRING_BOOT) {
            return false;
        }
        Optional<Path> jar = artifact(part);
        if (jar.isEmpty()) {
            return false;
        }
        try {
            long built = Files.getLastModifiedTime(jar.get()).toMillis();
            return Math.max(lastChanged(workspace.module(part)), sharedSourcesChanged()) > built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized long sharedSourcesChanged() throws IOException {
        if (sharedSourcesChanged == null) {
            Path repo = workspace.repo();
            long newest = Math.max(lastChanged(repo.resolve("schemas")), lastChanged(repo.resolve("pom.xml")));
            if (Files.isDirectory(repo.resolve("libs"))) {
                try (Stream<Path> libs = Files.list(repo.resolve("libs"))) {
                    for (Path lib : libs.toList()) {
                        newest = Math.max(newest, lastChanged(lib));
                    }
                }
            }
            sharedSourcesChanged = newest;
        }
        return sharedSourcesChanged;
    }

    /** When a file, or a module's pom.xml or a file under its src/ (not its target/), last changed; 0 if none. */
    private static long lastChanged(Path moduleOrFile) throws IOException {
        if (Files.isRegularFile(moduleOrFile)) {
            return Files.getLastModifiedTime(moduleOrFile).toMillis();
        }
        long newest = 0;
        for (Path root : List.of(moduleOrFile.resolve("pom.xml"), moduleOrFile.resolve("src"))) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                newest = Math.max(newest, files.filter(Files::isRegularFile)
                        .mapToLong(f -> f.toFile().lastModified()).max().orElse(0));
            }
        }
        return newest;
    }

    private static boolean hasJars(Path dir) {
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> execJar(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path kafkaDataDir() {
        return workspace.dataDir(stack.kafka().name());
    }

    public Path kafkaProperties() {
        return workspace.home().resolve("kafka").resolve("server.properties");
    }

    public boolean kafkaFormatted() {
        return Files.isRegularFile(kafkaDataDir().resolve("meta.properties"));
    }

    /** Writes the broker config from the module's server.properties with this stack's ports and data folder. */
    public Path renderKafkaProperties() {
        StackPart kafka = stack.kafka();
        int port = kafka.port();
        int controllerPort = kafka.intSetting("controller-port").orElseThrow();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        overrides.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        overrides.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        overrides.put("log.dirs", kafkaDataDir().toString());
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(workspace.module(kafka).resolve("server.properties")));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    String key = line.substring(0, eq).strip();
                    String value = overrides.remove(key);
                    if (value != null) {
                        lines.set(i, key + "=" + value);
                    }
                }
            }
            overrides.forEach((k, v) -> lines.add(k + "=" + v));
            Path file = kafkaProperties();
            Files.createDirectories(file.getParent());
            Files.createDirectories(kafkaDataDir());
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker config", e);
        }
    }

    private List<String> kafkaJava(String marker) {
        StackPart kafka = stack.kafka();
        Path module = workspace.module(kafka);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(KAFKA_JVM_OPTIONS);
        command.add(marker);
        command.add("-Dlogback.configurationFile=" + module.resolve("logback.xml"));
        command.add("-cp");
        command.add(module.resolve("target").resolve("lib") + "/*");
        return command;
    }

    /** One-off storage format with the fixed cluster id; KRaft refuses to start on unformatted storage. */
    public List<String> kafkaFormat() {
        List<String> command = kafkaJava(ProcessSupervisor.marker(stack.kafka().name() + "-format"));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--cluster-id", CLUSTER_ID,
                "--config", kafkaProperties().toString(), "--standalone"));
        return command;
    }

    public List<String> kafkaServer() {
        List<String> command = kafkaJava(ProcessSupervisor.marker(stack.kafka().name()));
        command.addAll(List.of("kafka.Kafka", kafkaProperties().toString()));
        return command;
    }

    public String bootstrapServers() {
        return "localhost:" + stack.kafka().port();
    }

    public Optional<String> registryUrl() {
        return stack.part("schema-registry").map(r -> "http://localhost:" + r.port());
    }

    public List<String> springBoot(StackPart part, StartupCache.Launch launch) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(SERVICE_JVM_OPTIONS);
        command.addAll(launch.jvmOptions());
        command.add(ProcessSupervisor.marker(part.name()));
        command.add("-jar");
        command.add(launch.jar().toString());
        command.add("--server.port=" + part.port());
        command.add("--spring.kafka.bootstrap-servers=" + bootstrapServers());
        registryUrl().ifPresent(url -> command.add("--spring.kafka.properties.schema.registry.url=" + url));
        command.add("--plainpaper.data-dir=" + workspace.dataDir(part.name()));
        // No SMTP server here: reader mail (confirmations, digests) becomes .eml files to open with any mail client.
        command.add("--plainpaper.readers.mail.transport=files");
        command.add("--plainpaper.readers.mail.directory=" + workspace.mail());
        return command;
    }
}
