package app.plainpaper.cli.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's jar counts as out of date when a source it is built from changed after it (so `up` rebuilds it). */
class LaunchesTest {

    private static final Instant BUILT = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path repo;

    private Path file(String path, Instant modified) throws IOException {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, path);
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    @Test
    void aJarOlderThanItsModuleASharedLibraryOrTheSchemasIsOutOfDate() throws IOException {
        StackFile stack = StackFile.parse(List.of(
                "kafka kind=kafka module=ops/kafka-broker port=9092 controller-port=9093 stage=0",
                "tiny kind=spring-boot module=services/tiny port=8099 health=/actuator/health stage=1"), "test-stack");
        StackPart tiny = stack.parts().stream().filter(p -> p.name().equals("tiny")).findFirst().orElseThrow();
        StackPart kafka = stack.kafka();
        // a command reads the shared sources once, so each check here is a command of its own
        java.util.function.Supplier<Launches> launches = () -> new Launches(new Workspace(repo, repo.resolve(".plainpaper")), stack);

        Instant before = BUILT.minusSeconds(3600);
        file("pom.xml", before);
        file("services/tiny/pom.xml", before);
        file("services/tiny/src/main/java/Tiny.java", before);
        file("libs/text/src/main/java/Words.java", before);
        file("schemas/src/main/avro/SummaryEvent.avsc", before);
        file("services/tiny/target/tiny-0.1-exec.jar", BUILT);
        assertThat(launches.get().outOfDate(tiny)).isFalse();

        // build output and other folders do not count: only pom.xml and src/
        file("libs/text/target/classes/Words.class", BUILT.plusSeconds(60));
        file("services/tiny/target/classes/Tiny.class", BUILT.plusSeconds(60));
        file("docs/notes.md", BUILT.plusSeconds(60));
        assertThat(launches.get().outOfDate(tiny)).isFalse();

        file("libs/text/src/main/java/Words.java", BUILT.plusSeconds(60));
        assertThat(launches.get().outOfDate(tiny)).isTrue();
        file("libs/text/src/main/java/Words.java", before);

        file("schemas/src/main/avro/SummaryEvent.avsc", BUILT.plusSeconds(60));
        assertThat(launches.get().outOfDate(tiny)).isTrue();
        file("schemas/src/main/avro/SummaryEvent.avsc", before);

        file("services/tiny/src/main/resources/application.properties", BUILT.plusSeconds(60));
        assertThat(launches.get().outOfDate(tiny)).isTrue();

        // the broker's classpath is downloaded, not built from these sources
        assertThat(launches.get().outOfDate(kafka)).isFalse();
    }
}
