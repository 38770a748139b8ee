package app.plainpaper.cli.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts named background processes that outlive the CLI, and finds and stops them again through
 * pid files ({@code <run>/<name>.pid}). A pid only counts as ours while the process's command line
 * carries {@link #marker(String)}, so a reused pid is never signalled.
 */
public final class ProcessSupervisor {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path runDir;
    private final Path logDir;
    /**
     * Processes this supervisor started, by pid. Right after the start the child may not have exec'd yet (its command
     * line is still the JDK's spawn helper, without the marker), so the marker alone would call it a stranger.
     */
    private final Map<Long, String> startedHere = new java.util.concurrent.ConcurrentHashMap<>();

    public ProcessSupervisor(Path runDir, Path logDir) {
        this.runDir = runDir;
        this.logDir = logDir;
    }

    /** The JVM option every supervised process carries; it names the process in `ps` too. */
    public static String marker(String name) {
        return "-Dplainpaper.part=" + name;
    }

    public Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    public Path logFile(String name) {
        return logDir.resolve(name + ".log");
    }

    /** The live process recorded for this name, if any; a stale pid file is removed. */
    public Optional<ProcessHandle> running(String name) {
        Path pidFile = pidFile(name);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle;
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
            handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> name.equals(startedHere.get(p.pid())) || isOurs(p, name));
        } catch (NumberFormatException | IOException e) {
            handle = Optional.empty();
        }
        if (handle.isEmpty()) {
            deleteQuietly(pidFile);
        }
        return handle;
    }

    private static boolean isOurs(ProcessHandle process, String name) {
        String marker = marker(name);
        Optional<String[]> arguments = process.info().arguments();
        if (arguments.isPresent()) {
            return List.of(arguments.get()).contains(marker);
        }
        return process.info().commandLine().map(c -> c.contains(marker)).orElse(false);
    }

    /**
     * Starts {@code command} in its own session (it must carry {@link #marker(String)}), with stdout and
     * stderr appended to the log file, and records its pid.
     */
    public ProcessHandle start(String name, List<String> command, Map<String, String> environment, Path workingDir) {
        if (!command.contains(marker(name))) {
            throw new IllegalArgumentException("the command of " + name + " must carry " + marker(name));
        }
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString()); // detach from the terminal: Ctrl-C or closing it leaves the stack running
        }
        full.addAll(command);
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(logDir);
            Path log = logFile(name);
            Files.writeString(log, "---- starting " + name + ": " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            startedHere.put(process.pid(), name);
            Files.writeString(pidFile(name), process.pid() + System.lineSeparator(), StandardCharsets.UTF_8);
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@code grace}. */
    public StopOutcome stop(String name, Duration grace) {
        Optional<ProcessHandle> found = running(name);
        if (found.isEmpty()) {
            return StopOutcome.NOT_RUNNING;
        }
        ProcessHandle process = found.get();
        StopOutcome outcome = StopOutcome.STOPPED;
        process.destroy();
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            outcome = StopOutcome.KILLED;
            if (!awaitExit(process, Duration.ofSeconds(10))) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
            }
        }
        startedHere.remove(process.pid());
        deleteQuietly(pidFile(name));
        return outcome;
    }

    private static boolean awaitExit(ProcessHandle process, Duration bound) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        try {
            exit.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a pid file we cannot delete is re-checked (and ignored when stale) next time
        }
    }

    public enum StopOutcome {
        STOPPED("stopped"), KILLED("killed after the grace period"), NOT_RUNNING("not running");

        private final String description;

        StopOutcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
