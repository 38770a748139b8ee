package app.plainpaper.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Makes Spring Boot services start faster: each exec jar is extracted once ({@code -Djarmode=tools extract}, so
 * classes load from plain jars) into {@code <home>/apps/<name>}, and an AppCDS archive of the classes it loads is
 * kept in {@code <home>/cds}. On JDK 17 the archive is written when the service exits after its first run
 * ({@code -XX:ArchiveClassesAtExit}) and used from the next start on ({@code -XX:SharedArchiveFile});
 * JDK 19+ does both with {@code -XX:+AutoCreateSharedArchive}. A new jar or JDK means a new extraction and archive.
 * Anything that goes wrong here falls back to running the jar as it is.
 */
public final class StartupCache {

    private final Path apps;
    private final Path archives;
    private final String java;

    public StartupCache(Path home, String java) {
        this.apps = home.resolve("apps");
        this.archives = home.resolve("cds");
        this.java = java;
    }

    /** JVM options and the jar to run: the extracted one with class-data sharing, or the exec jar itself. */
    public record Launch(List<String> jvmOptions, Path jar) {
    }

    public Launch prepare(String name, Path execJar, Path log) {
        if (!isSpringBootJar(execJar)) {
            return new Launch(List.of(), execJar);
        }
        Optional<Path> extracted = extracted(name, execJar, log);
        if (extracted.isEmpty()) {
            return new Launch(List.of(), execJar);
        }
        try {
            Files.createDirectories(archives);
        } catch (IOException e) {
            return new Launch(List.of(), extracted.get());
        }
        Path archive = archives.resolve(name + "-jdk" + Runtime.version() + ".jsa");
        if (Runtime.version().feature() >= 19) {
            return new Launch(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off"),
                    extracted.get());
        }
        // -Xlog:cds=off: writing the archive warns about every class it skips, hundreds of lines in the service's log.
        String option = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=";
        return new Launch(List.of(option + archive, "-Xlog:cds=off"), extracted.get());
    }

    /** Only Boot's own launcher knows -Djarmode=tools; any other jar would just start its main class. */
    static boolean isSpringBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Spring-Boot-Version") != null
                    && file.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<Path> extracted(String name, Path execJar, Path log) {
        Path dir = apps.resolve(name);
        Path source = dir.resolve(".source");
        try {
            String stamp = execJar.toAbsolutePath() + " " + Files.size(execJar) + " " + Files.getLastModifiedTime(execJar).toMillis();
            Path jar = dir.resolve(execJar.getFileName());
            if (Files.isRegularFile(jar) && Files.isRegularFile(source)
                    && Files.readString(source, StandardCharsets.UTF_8).equals(stamp)) {
                return Optional.of(jar);
            }
            deleteTree(dir);
            deleteArchives(name);
            Files.createDirectories(dir.getParent());
            Files.createDirectories(log.getParent());
            Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", execJar.toString(), "extract",
                    "--destination", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0 || !Files.isRegularFile(jar)) {
                extract.destroyForcibly();
                deleteTree(dir);
                return Optional.empty();
            }
            Files.writeString(source, stamp, StandardCharsets.UTF_8);
            return Optional.of(jar);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void deleteArchives(String name) throws IOException {
        if (!Files.isDirectory(archives)) {
            return;
        }
        try (Stream<Path> files = Files.list(archives)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + "-jdk")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
