package app.plainpaper.events;

import app.plainpaper.registry.compatibility.CompatibilityChecker;
import app.plainpaper.registry.compatibility.CompatibilityLevel;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evolution rule: every event schema stays readable by new code for every version ever released
 * (BACKWARD_TRANSITIVE), decided by the registry's own compatibility logic. Released versions are kept as files in
 * {@code schemas/history/<full name>/v<N>.avsc}; a change to a contract must add the next version there.
 */
class SchemaEvolutionTest {

    /** Shared types that live inside the contracts and evolve with them; every other file is a topic's contract. */
    private static final Set<String> EMBEDDED_TYPES = Set.of("Actor.avsc");

    /** Every record in src/main/avro is a contract, so a new one cannot be left out of the rule. */
    static Stream<Schema> contracts() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/avro"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".avsc") && !EMBEDDED_TYPES.contains(name))
                    .sorted()
                    .map(name -> generatedSchema("app.plainpaper.events." + name.replace(".avsc", "")))
                    .toList().stream();
        }
    }

    @Test
    void everyReleasedHistoryBelongsToAContract() throws IOException {
        List<String> contracts = contracts().map(Schema::getFullName).toList();
        try (Stream<Path> dirs = Files.list(Path.of("history"))) {
            assertThat(dirs.map(d -> d.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(contracts);
        }
    }

    private static Schema generatedSchema(String className) {
        try {
            return (Schema) Class.forName(className).getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no generated class for " + className, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void currentSchemaIsBackwardTransitiveCompatibleWithEveryReleasedVersion(Schema current) throws IOException {
        List<Schema> history = history(current.getFullName());
        assertThat(history).as("released versions of " + current.getFullName()).isNotEmpty();

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD_TRANSITIVE, current, history))
                .as("incompatibilities of the current " + current.getName() + " with its released versions")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void newestReleasedVersionIsTheCurrentSchema(Schema current) throws IOException {
        List<Schema> history = history(current.getFullName());
        Schema newest = history.get(history.size() - 1);
        assertThat(SchemaNormalization.toParsingForm(newest))
                .as(current.getFullName() + " changed: add it as v" + (history.size() + 1) + ".avsc in schemas/history")
                .isEqualTo(SchemaNormalization.toParsingForm(current));
    }

    /** The rule must be able to fail: a field added without a default breaks readers of the old events. */
    @Test
    void aFieldWithoutDefaultIsCaught() throws IOException {
        Schema current = SummaryEvent.getClassSchema();
        String broken = current.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},");
        Schema candidate = new Schema.Parser().parse(broken);
        assertThat(candidate.getField("mandatoryNewField")).isNotNull();

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate,
                history(current.getFullName()))).isNotEmpty();
    }

    @Test
    void removingAnEnumSymbolWithoutDefaultIsCaught() throws IOException {
        Schema current = EditorialCommand.getClassSchema();
        String broken = current.toString().replace("\"SIGN_OFF\",", "").replace(",\"default\":\"UNKNOWN\"", "");
        Schema candidate = new Schema.Parser().parse(broken);

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate,
                history(current.getFullName()))).isNotEmpty();
    }

    static List<Schema> history(String fullName) throws IOException {
        Path dir = Path.of("history", fullName);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("\\D", ""))))
                    .map(SchemaEvolutionTest::parse)
                    .toList();
        }
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
