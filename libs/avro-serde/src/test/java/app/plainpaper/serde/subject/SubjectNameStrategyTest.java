package app.plainpaper.serde.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    private static final Schema RECORD = SchemaBuilder.record("SummaryEvent").namespace("app.plainpaper.events")
            .fields().requiredString("summaryId").endRecord();

    @Test
    void topicNameStrategyUsesTopicAndRole() {
        SubjectNameStrategy strategy = new TopicNameStrategy();
        assertThat(strategy.subjectName("summaries", false, RECORD)).isEqualTo("summaries-value");
        assertThat(strategy.subjectName("summaries", true, Schema.create(Schema.Type.STRING))).isEqualTo("summaries-key");
    }

    @Test
    void recordNameStrategyUsesFullName() {
        assertThat(new RecordNameStrategy().subjectName("summaries", false, RECORD))
                .isEqualTo("app.plainpaper.events.SummaryEvent");
    }

    @Test
    void topicRecordNameStrategyCombinesBoth() {
        assertThat(new TopicRecordNameStrategy().subjectName("summaries", true, RECORD))
                .isEqualTo("summaries-app.plainpaper.events.SummaryEvent");
    }

    @ParameterizedTest
    @CsvSource({
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, summaries-value",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy, app.plainpaper.events.SummaryEvent",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, summaries-app.plainpaper.events.SummaryEvent",
        "app.plainpaper.serde.subject.TopicNameStrategy, summaries-value",
        "app.plainpaper.serde.subject.RecordNameStrategy, app.plainpaper.events.SummaryEvent",
        "app.plainpaper.serde.subject.TopicRecordNameStrategy, summaries-app.plainpaper.events.SummaryEvent",
        "TopicRecordNameStrategy, summaries-app.plainpaper.events.SummaryEvent",
    })
    void resolvesOurAndConfluentClassNames(String configured, String expectedSubject) {
        SubjectNameStrategy strategy = SubjectNameStrategy.of(configured, "value.subject.name.strategy");

        assertThat(strategy.subjectName("summaries", false, RECORD)).isEqualTo(expectedSubject);
    }

    @Test
    void acceptsClassObjectsAndCustomImplementations() {
        assertThat(SubjectNameStrategy.of(RecordNameStrategy.class, "x")).isInstanceOf(RecordNameStrategy.class);
        assertThat(SubjectNameStrategy.of(FixedSubject.class.getName(), "x").subjectName("t", false, RECORD))
                .isEqualTo("fixed");
        assertThat(SubjectNameStrategy.of(null, "x")).isInstanceOf(TopicNameStrategy.class);
    }

    @Test
    void unknownStrategyIsAConfigError() {
        assertThatThrownBy(() -> SubjectNameStrategy.of("com.example.NoSuchStrategy", "key.subject.name.strategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key.subject.name.strategy")
                .hasMessageContaining("com.example.NoSuchStrategy")
                .hasMessageContaining("TopicNameStrategy");
        assertThatThrownBy(() -> SubjectNameStrategy.of("java.lang.String", "value.subject.name.strategy"))
                .isInstanceOf(ConfigException.class);
    }

    public static final class FixedSubject implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return "fixed";
        }
    }
}
