package app.plainpaper.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

    private static TopicCatalog parse(String text) {
        return TopicCatalog.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test-topics");
    }

    @Test
    void readsTopicsConfigsAndSkipsCommentsAndBlankLines() {
        TopicCatalog catalog = parse("""
                # events
                summary.drafted   partitions=3 cleanup.policy=delete retention.ms=-1   # forever

                  _schemas partitions=1 cleanup.policy=compact
                """);

        assertThat(catalog.names()).containsExactly("summary.drafted", "_schemas");
        TopicSpec drafted = catalog.named("summary.drafted").orElseThrow();
        assertThat(drafted.partitions()).isEqualTo(3);
        assertThat(drafted.configs()).containsExactly(Map.entry("cleanup.policy", "delete"), Map.entry("retention.ms", "-1"));
        assertThat(catalog.named("_schemas").orElseThrow().configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
    }

    @Test
    void missingPartitionsIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> parse("a partitions=1\n\nb cleanup.policy=delete\n"))
                .isInstanceOf(TopicCatalogException.class)
                .hasMessage("test-topics:3: topic b needs partitions=<n>")
                .extracting(e -> ((TopicCatalogException) e).lineNumber()).isEqualTo(3);
    }

    @Test
    void tokenWithoutValueIsAnError() {
        assertThatThrownBy(() -> parse("# c\na partitions=1 retention.ms\n"))
                .hasMessage("test-topics:2: 'retention.ms' is not key=value (topic a)");
        assertThatThrownBy(() -> parse("a partitions=1 retention.ms=\n"))
                .hasMessage("test-topics:1: 'retention.ms=' is not key=value (topic a)");
    }

    @Test
    void partitionsMustBeAPositiveWholeNumber() {
        assertThatThrownBy(() -> parse("a partitions=0\n")).hasMessageStartingWith("test-topics:1: partitions must be");
        assertThatThrownBy(() -> parse("a\tpartitions=three\n")).hasMessageContaining("was 'three'");
        assertThatThrownBy(() -> parse("a partitions=1 partitions=2\n")).hasMessage("test-topics:1: partitions given twice (topic a)");
    }

    @Test
    void duplicateTopicNamesTheFirstDeclaration() {
        assertThatThrownBy(() -> parse("a partitions=1\nb partitions=1\na partitions=2\n"))
                .hasMessage("test-topics:3: topic 'a' is already declared on line 1");
    }

    @Test
    void invalidTopicNameAndConfigKeyAreErrors() {
        assertThatThrownBy(() -> parse("bad/name partitions=1\n"))
                .hasMessageStartingWith("test-topics:1: 'bad/name' is not a valid topic name");
        assertThatThrownBy(() -> parse("a partitions=1 Retention=1\n"))
                .hasMessage("test-topics:1: 'Retention' is not a topic config name (topic a)");
        assertThatThrownBy(() -> parse("a partitions=1 retention.ms=1 retention.ms=2\n"))
                .hasMessage("test-topics:1: retention.ms given twice (topic a)");
    }

    @Test
    void theRepositoryCatalogIsPackagedAndKeepsEventsForever() {
        TopicCatalog fromRepo = TopicCatalog.load(Path.of("../../ops/topics"));
        TopicCatalog packaged = TopicCatalog.fromClasspath();

        assertThat(packaged.topics()).isEqualTo(fromRepo.topics());
        assertThat(packaged.names()).contains("summary.ingested", "summary.published", "_schemas");
        assertThat(packaged.topics()).filteredOn(t -> t.name().startsWith("summary."))
                .hasSize(18)
                .allSatisfy(t -> {
                    assertThat(t.partitions()).isEqualTo(3);
                    assertThat(t.configs()).containsEntry("retention.ms", "-1");
                });
        assertThat(packaged.deadLetterTopics()).extracting(TopicSpec::name).containsExactly(
                "ingestion.dlt", "drafting.dlt", "accuracy-review.dlt", "disclaimer-check.dlt", "publishing.dlt",
                "editorial-desk.dlt");
        assertThat(packaged.deadLetterTopics()).allSatisfy(t -> {
            assertThat(t.partitions()).isEqualTo(1);
            assertThat(t.configs()).containsEntry("retention.ms", "-1");
        });
        assertThat(packaged.named("_schemas").orElseThrow().configs()).containsEntry("cleanup.policy", "compact");
    }
}
