package app.plainpaper.cli.stack;

import app.plainpaper.cli.process.HealthProbe;
import app.plainpaper.cli.process.ProcessSupervisor;
import app.plainpaper.topics.ProvisioningReport;
import app.plainpaper.topics.TopicCatalog;
import app.plainpaper.topics.TopicProvisioner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The local stack of {@code ops/stack}: starts what is not running yet, stage by stage, waits for health,
 * provisions the topics after Kafka; stops everything in reverse; reports what runs.
 */
public final class LocalStack {

    private static final Duration ARCHIVE_GRACE = Duration.ofSeconds(120);

    private final Workspace workspace;
    private final StackFile stack;
    private final ProcessSupervisor supervisor;
    private final HealthProbe probe = new HealthProbe();
    private final Launches launches;
    private final StartupCache startupCache;
    private final Map<String, String> environment;
    private final Settings settings;
    private final PrintWriter out;

    /**
     * @param build           run the Maven build when a part's jar is missing
     * @param buildCommand    the build to run, in the repository
     * @param kafkaTimeout    bound on waiting for the broker
     * @param serviceTimeout  bound on waiting for a stage of services
     * @param stopGrace       time a process gets after SIGTERM before SIGKILL (a first run writes its class archive then)
     * @param startupCache    run services from extracted jars with AppCDS ({@link StartupCache})
     */
    public record Settings(boolean build, List<String> buildCommand, Duration kafkaTimeout, Duration serviceTimeout,
                           Duration stopGrace, boolean startupCache) {

        public static Settings defaults() {
            return new Settings(true, List.of("./mvnw", "-q", "-B", "install", "-DskipTests"),
                    Duration.ofSeconds(60), Duration.ofSeconds(240), Duration.ofSeconds(30), true);
        }

        public Settings withBuild(boolean build) {
            return new Settings(build, buildCommand, kafkaTimeout, serviceTimeout, stopGrace, startupCache);
        }

        public Settings withServiceTimeout(Duration timeout) {
            return new Settings(build, buildCommand, kafkaTimeout, timeout, stopGrace, startupCache);
        }

        public Settings withStopGrace(Duration grace) {
            return new Settings(build, buildCommand, kafkaTimeout, serviceTimeout, grace, startupCache);
        }

        public Settings withStartupCache(boolean startupCache) {
            return new Settings(build, buildCommand, kafkaTimeout, serviceTimeout, stopGrace, startupCache);
        }
    }

    public LocalStack(Workspace workspace, StackFile stack, Map<String, String> environment, Settings settings,
                      PrintWriter out) {
        this.workspace = workspace;
        this.stack = stack;
        this.supervisor = new ProcessSupervisor(workspace.run(), workspace.logs());
        this.launches = new Launches(workspace, stack);
        this.startupCache = new StartupCache(workspace.home(), launches.java());
        this.environment = Map.copyOf(environment);
        this.settings = settings;
        this.out = out;
    }

    private List<StackPart> startedParts = List.of();

    /** The parts the last {@link #up} started or found running. */
    public List<StackPart> startedParts() {
        return startedParts;
    }

    public ProcessSupervisor supervisor() {
        return supervisor;
    }

    /** Parts whose module folder exists; the others are not written yet and are skipped. */
    public List<StackPart> present() {
        return stack.parts().stream().filter(p -> Files.isDirectory(workspace.module(p))).toList();
    }

    public boolean up(String demoPassword) {
        List<StackPart> inRepository = present();
        stack.parts().stream().filter(p -> !inRepository.contains(p)).forEach(p ->
                out.printf("%-17s skipped: %s does not exist yet%n", p.name(), p.module()));
        Optional<List<StackPart>> built = ensureBuilt(inRepository);
        if (built.isEmpty()) {
            return false;
        }
        List<StackPart> present = built.get();
        if (!present.contains(stack.kafka())) {
            out.println("Kafka cannot start without its classpath (" + stack.kafka().module() + "/target/lib)");
            return false;
        }
        startedParts = present;
        Map<String, String> childEnvironment = new HashMap<>(environment);
        childEnvironment.put(DemoPassword.VARIABLE, demoPassword);
        for (List<StackPart> stage : stack.stages()) {
            List<StackPart> parts = stage.stream().filter(present::contains).toList();
            if (parts.isEmpty()) {
                continue;
            }
            Map<StackPart, Long> started = new LinkedHashMap<>();
            for (StackPart part : parts) {
                Optional<ProcessHandle> running = supervisor.running(part.name());
                if (running.isPresent()) {
                    out.printf("%-17s already running (pid %d)%n", part.name(), running.get().pid());
                    started.put(part, System.nanoTime());
                    continue;
                }
                Optional<Integer> taken = ports(part).stream().filter(HealthProbe::listening).findFirst();
                if (taken.isPresent()) {
                    out.printf("%-17s cannot start: port %d is taken by a program this stack did not start; stop it "
                            + "or change the port in %s%n", part.name(), taken.get(), workspace.stackFile());
                    return false;
                }
                if (!start(part, childEnvironment)) {
                    return false;
                }
                started.put(part, System.nanoTime());
            }
            boolean kafkaStage = parts.stream().anyMatch(p -> p.kind() == StackPart.Kind.KAFKA);
            if (!awaitHealthy(started, kafkaStage ? settings.kafkaTimeout() : settings.serviceTimeout())) {
                return false;
            }
            if (kafkaStage) {
                provisionTopics();
            }
        }
        return true;
    }

    private List<Integer> ports(StackPart part) {
        List<Integer> ports = new ArrayList<>(List.of(part.port()));
        part.intSetting("controller-port").ifPresent(ports::add);
        part.alsoServes().ifPresent(ports::add);
        return ports;
    }

    /**
     * Builds the modules of parts whose jar is missing or older than its sources ({@code <build command> -pl <modules>
     * -am}), or, when building is off, leaves the missing ones out and warns about the old ones. Returns the parts that
     * can start, or empty when the build failed.
     */
    private Optional<List<StackPart>> ensureBuilt(List<StackPart> present) {
        List<StackPart> missing = present.stream().filter(p -> launches.artifact(p).isEmpty()).toList();
        // a running part keeps its jar: rebuilding it under the process would pull the ground from under it
        List<StackPart> outOfDate = present.stream()
                .filter(p -> supervisor.running(p.name()).isEmpty() && launches.outOfDate(p)).toList();
        if (missing.isEmpty() && outOfDate.isEmpty()) {
            return Optional.of(present);
        }
        if (!settings.build()) {
            missing.forEach(p -> out.printf("%-17s skipped: not built (no jar in %s/target)%n", p.name(), p.module()));
            outOfDate.forEach(p -> out.printf("%-17s starts from a jar older than its sources (--no-build)%n", p.name()));
            return Optional.of(present.stream().filter(p -> !missing.contains(p)).toList());
        }
        List<StackPart> toBuild = present.stream().filter(p -> missing.contains(p) || outOfDate.contains(p)).toList();
        List<String> command = new ArrayList<>(settings.buildCommand());
        command.addAll(List.of("-pl", String.join(",", toBuild.stream().map(StackPart::module).toList()), "-am"));
        out.println((outOfDate.isEmpty() ? "building what is not built yet: " : "building what is missing or older than its sources: ")
                + String.join(" ", command));
        out.flush();
        try {
            Process build = new ProcessBuilder(command).directory(workspace.repo().toFile()).inheritIO().start();
            if (build.waitFor() != 0) {
                out.println("the build failed (exit " + build.exitValue() + "); nothing started");
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the build", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        List<StackPart> still = missing.stream().filter(p -> launches.artifact(p).isEmpty()).toList();
        if (!still.isEmpty()) {
            out.println("still no jar for: " + String.join(", ", still.stream().map(StackPart::name).toList()));
            return Optional.empty();
        }
        return Optional.of(present);
    }

    private boolean start(StackPart part, Map<String, String> childEnvironment) {
        try {
            Files.createDirectories(workspace.dataDir(part.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command;
        if (part.kind() == StackPart.Kind.KAFKA) {
            launches.renderKafkaProperties();
            if (!launches.kafkaFormatted() && !formatKafka(part)) {
                return false;
            }
            command = launches.kafkaServer();
        } else {
            Path jar = launches.artifact(part).orElseThrow();
            StartupCache.Launch launch = settings.startupCache()
                    ? startupCache.prepare(part.name(), jar, supervisor.logFile(part.name()))
                    : new StartupCache.Launch(List.of(), jar);
            command = launches.springBoot(part, launch);
        }
        ProcessHandle process = supervisor.start(part.name(), command, childEnvironment, workspace.repo());
        out.printf("%-17s started (pid %d), log %s%n", part.name(), process.pid(), supervisor.logFile(part.name()));
        return true;
    }

    private boolean formatKafka(StackPart part) {
        out.printf("%-17s formatting storage in %s (cluster id %s)%n", part.name(), launches.kafkaDataDir(),
                Launches.CLUSTER_ID);
        String formatName = part.name() + "-format";
        ProcessHandle format = supervisor.start(formatName, launches.kafkaFormat(), environment, workspace.repo());
        try {
            format.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            supervisor.stop(formatName, Duration.ofSeconds(5));
            out.println("formatting Kafka storage did not finish; see " + supervisor.logFile(formatName));
            return false;
        }
        supervisor.running(formatName); // clears its pid file
        if (!launches.kafkaFormatted()) {
            out.println("formatting Kafka storage failed; see " + supervisor.logFile(formatName));
            return false;
        }
        return true;
    }

    private boolean awaitHealthy(Map<StackPart, Long> started, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        Map<StackPart, Long> waiting = new LinkedHashMap<>(started);
        while (!waiting.isEmpty()) {
            for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                StackPart part = entry.getKey();
                if (supervisor.running(part.name()).isEmpty()) {
                    out.printf("%-17s exited while starting; last lines of %s:%n", part.name(), supervisor.logFile(part.name()));
                    tail(supervisor.logFile(part.name()), 15).forEach(l -> out.println("    " + l));
                    return false;
                }
                if (probe.check(part).up()) {
                    out.printf("%-17s healthy after %.1f s%n", part.name(),
                            (System.nanoTime() - entry.getValue()) / 1e9);
                    it.remove();
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                waiting.keySet().forEach(p -> out.printf("%-17s not healthy within %d s (%s); see %s%n", p.name(),
                        bound.toSeconds(), probe.check(p).detail(), supervisor.logFile(p.name())));
                return false;
            }
            try {
                Thread.sleep(500); // polling interval between health checks
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void provisionTopics() {
        TopicCatalog catalog = TopicCatalog.load(workspace.topicsFile());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, launches.bootstrapServers()))) {
            ProvisioningReport report = TopicProvisioner.provision(admin, catalog);
            out.printf("%-17s %s%n", "topics", report.summary());
        }
    }

    static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + file + ")");
        }
    }

    /** Stops every running part, the last stage first; the parts of one stage stop together. */
    public void down() {
        List<List<StackPart>> stages = new ArrayList<>(stack.stages());
        java.util.Collections.reverse(stages);
        for (List<StackPart> stage : stages) {
            List<CompletableFuture<String>> stops = stage.stream()
                    .map(part -> CompletableFuture.supplyAsync(() -> {
                        Optional<ProcessHandle> running = supervisor.running(part.name());
                        Optional<Long> pid = running.map(ProcessHandle::pid);
                        // A first run writes its class archive while it exits: give it time, or the work is lost.
                        boolean writesArchive = running.flatMap(p -> p.info().arguments()).stream()
                                .flatMap(java.util.Arrays::stream).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
                        Duration grace = writesArchive && settings.stopGrace().compareTo(ARCHIVE_GRACE) < 0
                                ? ARCHIVE_GRACE : settings.stopGrace();
                        ProcessSupervisor.StopOutcome outcome = supervisor.stop(part.name(), grace);
                        return String.format("%-17s %s%s", part.name(), outcome.description(),
                                pid.map(p -> " (pid " + p + ")").orElse(""));
                    }))
                    .toList();
            stops.forEach(f -> out.println(f.join()));
        }
    }

    public List<PartStatus> status() {
        List<PartStatus> statuses = new ArrayList<>();
        for (StackPart part : stack.parts()) {
            boolean present = Files.isDirectory(workspace.module(part));
            Optional<ProcessHandle> running = supervisor.running(part.name());
            HealthProbe.Health health = running.isPresent() ? probe.check(part) : null;
            statuses.add(new PartStatus(part, present, running.map(ProcessHandle::pid),
                    running.flatMap(p -> residentKilobytes(p.pid())), Optional.ofNullable(health)));
        }
        return statuses;
    }

    /** VmRSS from /proc: the memory the process really holds. */
    public static Optional<Long> residentKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process just ended
        }
        return Optional.empty();
    }

    public record PartStatus(StackPart part, boolean present, Optional<Long> pid, Optional<Long> rssKilobytes,
                             Optional<HealthProbe.Health> health) {

        public String state() {
            if (!present) {
                return "not in repo";
            }
            if (pid.isEmpty()) {
                return "stopped";
            }
            return health.map(h -> h.up() ? "healthy" : "unhealthy: " + h.detail()).orElse("running");
        }
    }
}
