package app.plainpaper.topics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One declared topic: its name, partition count and the topic configs it must have
 * (e.g. {@code cleanup.policy}, {@code retention.ms}). Configs not named here are left at the broker's defaults.
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1, was " + partitions);
        }
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }
}
