package app.plainpaper.cli.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plainpaper.cli.stack.StackPart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/** Supervision of real child processes: a tiny Java main started, probed, found again and stopped. */
class ProcessSupervisorTest {

    @TempDir
    Path home;

    private ProcessSupervisor supervisor;
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    private ProcessSupervisor supervisor() {
        if (supervisor == null) {
            supervisor = new ProcessSupervisor(home.resolve("run"), home.resolve("logs"));
        }
        return supervisor;
    }

    private ProcessHandle startTiny(String name, int port, String... extra) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-Xmx32m", ProcessSupervisor.marker(name),
                "-cp", System.getProperty("java.class.path"), TinyService.class.getName(), "--server.port=" + port));
        command.addAll(List.of(extra));
        ProcessHandle process = supervisor().start(name, command, Map.of(), home);
        started.add(process);
        return process;
    }

    private static StackPart httpPart(String name, int port) {
        return new StackPart(name, StackPart.Kind.SPRING_BOOT, "x", port, Optional.of("/actuator/health"), 1, Map.of());
    }

    @Test
    void startsADetachedProcessFindsItByPidFileProbesItAndStopsItWithSigterm() throws IOException {
        int port = freePort();
        ProcessHandle process = startTiny("tiny", port);

        assertThat(Files.readString(supervisor().pidFile("tiny")).strip()).isEqualTo(Long.toString(process.pid()));
        HealthProbe probe = new HealthProbe();
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.check(httpPart("tiny", port)).up());
        assertThat(supervisor().running("tiny")).map(ProcessHandle::pid).contains(process.pid());
        assertThat(Files.readString(supervisor().logFile("tiny"))).contains("tiny service up on " + port);

        // A fresh supervisor (a later CLI run) finds the process through the pid file alone.
        ProcessSupervisor later = new ProcessSupervisor(home.resolve("run"), home.resolve("logs"));
        assertThat(later.stop("tiny", Duration.ofSeconds(10))).isEqualTo(ProcessSupervisor.StopOutcome.STOPPED);

        assertThat(process.isAlive()).isFalse();
        assertThat(supervisor().pidFile("tiny")).doesNotExist();
        assertThat(probe.check(httpPart("tiny", port)).up()).isFalse();
        assertThat(later.stop("tiny", Duration.ofSeconds(1))).isEqualTo(ProcessSupervisor.StopOutcome.NOT_RUNNING);
    }

    @Test
    void killsAProcessThatDoesNotEndAfterSigterm() throws IOException {
        int port = freePort();
        ProcessHandle process = startTiny("stubborn", port, "--stubborn");
        await().atMost(Duration.ofSeconds(20)).until(() -> new HealthProbe().check(httpPart("stubborn", port)).up());

        assertThat(supervisor().stop("stubborn", Duration.ofSeconds(1))).isEqualTo(ProcessSupervisor.StopOutcome.KILLED);
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void aPidFileNamingSomeOtherProcessIsStaleAndNeverSignalled() throws IOException {
        Files.createDirectories(home.resolve("run"));
        // This test JVM is alive but carries no -Dplainpaper.part=kafka: like a pid reused by another program.
        Files.writeString(supervisor().pidFile("kafka"), ProcessHandle.current().pid() + "\n");

        assertThat(supervisor().running("kafka")).isEmpty();
        assertThat(supervisor().pidFile("kafka")).doesNotExist();
        assertThat(supervisor().stop("kafka", Duration.ofSeconds(1))).isEqualTo(ProcessSupervisor.StopOutcome.NOT_RUNNING);
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void refusesACommandWithoutItsMarker() {
        assertThatThrownBy(() -> supervisor().start("x", List.of("java", "-version"), Map.of(), home))
                .hasMessageContaining("-Dplainpaper.part=x");
    }

    @Test
    void healthIsDownWhenNothingListens() throws IOException {
        HealthProbe.Health health = new HealthProbe().check(httpPart("none", freePort()));
        assertThat(health.up()).isFalse();
        assertThat(health.detail()).startsWith("no answer from http://localhost:");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
