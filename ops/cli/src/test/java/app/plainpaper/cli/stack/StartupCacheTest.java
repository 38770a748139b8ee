package app.plainpaper.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plainpaper.cli.process.HealthProbe;
import app.plainpaper.cli.process.ProcessSupervisor;
import app.plainpaper.cli.process.TinyService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.tools.Libraries;
import org.springframework.boot.loader.tools.Library;
import org.springframework.boot.loader.tools.LibraryScope;
import org.springframework.boot.loader.tools.Repackager;

/** Extraction and AppCDS on a real Spring Boot jar (the stand-in service, repackaged by Boot's own tooling). */
class StartupCacheTest {

    @TempDir
    Path home;
    @TempDir
    Path build;

    private final String java = ProcessHandle.current().info().command().orElseThrow();

    @Test
    void aPlainJarRunsAsItIs() throws IOException {
        Path plain = plainJar(build.resolve("plain.jar"));

        StartupCache.Launch launch = new StartupCache(home, java).prepare("tiny", plain, home.resolve("logs/tiny.log"));

        assertThat(launch.jar()).isEqualTo(plain);
        assertThat(launch.jvmOptions()).isEmpty();
        assertThat(home.resolve("apps")).doesNotExist();
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_18)
    void firstRunWritesTheArchiveAtExitAndTheNextRunMapsIt() throws Exception {
        Path bootJar = bootJar(build.resolve("tiny-0.1-exec.jar"));
        StartupCache cache = new StartupCache(home, java);
        Path log = home.resolve("logs/tiny.log");
        Path archive = home.resolve("cds/tiny-jdk" + Runtime.version() + ".jsa");

        StartupCache.Launch first = cache.prepare("tiny", bootJar, log);

        assertThat(first.jar()).as(() -> describe(bootJar, log)).isEqualTo(home.resolve("apps/tiny/tiny-0.1-exec.jar"));
        assertThat(home.resolve("apps/tiny/lib")).isDirectory();
        assertThat(first.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off");
        runAndStop(first, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(archive) && Files.size(archive) > 0);

        StartupCache.Launch second = cache.prepare("tiny", bootJar, log);
        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(second.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");
        // -Xshare:on makes the JVM refuse to start unless the archive maps: proof that it is usable.
        runAndStop(second, List.of("-Xshare:on"));

        Files.setLastModifiedTime(bootJar, FileTime.from(Instant.now().plusSeconds(5)));
        StartupCache.Launch rebuilt = cache.prepare("tiny", bootJar, log);
        assertThat(rebuilt.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off");
        assertThat(archive).doesNotExist();
    }

    private static String describe(Path jar, Path log) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return "manifest " + file.getManifest().getMainAttributes().entrySet() + ", entries "
                    + file.stream().map(JarEntry::getName).limit(12).toList()
                    + (Files.exists(log) ? ", log: " + Files.readString(log) : ", no log");
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void runAndStop(StartupCache.Launch launch, List<String> extraOptions) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m"));
        command.addAll(launch.jvmOptions());
        command.addAll(extraOptions);
        command.add(ProcessSupervisor.marker("tiny"));
        command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + port));
        ProcessSupervisor supervisor = new ProcessSupervisor(home.resolve("run"), home.resolve("logs"));
        ProcessHandle process = supervisor.start("tiny", command, Map.of(), home);
        try {
            StackPart part = new StackPart("tiny", StackPart.Kind.SPRING_BOOT, "x", port, Optional.of("/actuator/health"), 1, Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> new HealthProbe().check(part).up() || !process.isAlive());
            assertThat(process.isAlive()).as(Files.readString(supervisor.logFile("tiny"))).isTrue();
            assertThat(supervisor.stop("tiny", Duration.ofSeconds(30))).isEqualTo(ProcessSupervisor.StopOutcome.STOPPED);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path bootJar(Path destination) throws IOException {
        Path plain = plainJar(destination.resolveSibling("plain-for-boot.jar"));
        Repackager repackager = new Repackager(plain.toFile());
        repackager.setMainClass(TinyService.class.getName());
        repackager.setIncludeRelevantJarModeJars(true);
        // As in a real service: Spring on BOOT-INF/lib, which Boot's jarmode tools need too.
        Libraries spring = callback -> {
            for (Class<?> type : List.of(org.springframework.util.ClassUtils.class, org.apache.commons.logging.LogFactory.class)) {
                callback.library(new Library(Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).toFile(),
                        LibraryScope.RUNTIME));
            }
        };
        repackager.repackage(destination.toFile(), spring);
        return destination;
    }

    private static Path plainJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TinyService.class.getName());
        Path classes = Path.of(TinyService.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        String packagePath = TinyService.class.getPackageName().replace('.', '/');
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> compiled = Files.list(classes.resolve(packagePath))) {
            for (Path cls : compiled.filter(p -> p.getFileName().toString().startsWith("TinyService")).toList()) {
                out.putNextEntry(new JarEntry(packagePath + "/" + cls.getFileName()));
                out.write(Files.readAllBytes(cls));
                out.closeEntry();
            }
        }
        return jar;
    }
}
