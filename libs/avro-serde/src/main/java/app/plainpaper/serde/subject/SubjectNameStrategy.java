package app.plainpaper.serde.subject;

import java.util.Locale;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * Chooses the registry subject a record's schema is registered under. Same contract and
 * defaults as Confluent's {@code io.confluent.kafka.serializers.subject.strategy.SubjectNameStrategy}.
 */
public interface SubjectNameStrategy {

    String subjectName(String topic, boolean isKey, Schema schema);

    /**
     * Resolves a configured strategy: our class names, Confluent's class names (so configuration
     * stays the same when swapping serializers), simple names, a {@link Class}, or an instance.
     */
    static SubjectNameStrategy of(Object configured, String property) {
        if (configured == null) {
            return new TopicNameStrategy();
        }
        if (configured instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        String name = configured instanceof Class<?> type ? type.getName() : configured.toString().trim();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        boolean known = name.equals(simple)
                || name.startsWith(SubjectNameStrategy.class.getPackageName() + ".")
                || name.startsWith("io.confluent.kafka.serializers.subject.");
        if (known) {
            switch (simple.toLowerCase(Locale.ROOT)) {
                case "topicnamestrategy": return new TopicNameStrategy();
                case "recordnamestrategy": return new RecordNameStrategy();
                case "topicrecordnamestrategy": return new TopicRecordNameStrategy();
                default: break;
            }
        }
        try {
            Class<?> type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
            if (SubjectNameStrategy.class.isAssignableFrom(type)) {
                return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
            }
        } catch (ReflectiveOperationException | LinkageError ignored) {
            // falls through to the error listing what is accepted
        }
        throw new ConfigException(property, configured,
                "unknown subject name strategy; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy "
                        + "(package " + SubjectNameStrategy.class.getPackageName()
                        + " or io.confluent.kafka.serializers.subject), or a class implementing "
                        + SubjectNameStrategy.class.getName());
    }
}
