package app.plainpaper.publishingservice.readers;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a compacted topic from its start to its end, tombstones included (a null value): on these topics a tombstone
 * is the erasure, so a read model that skipped it would bring erased people back.
 */
final class CompactedReplay {

    private CompactedReplay() {
    }

    /** One record of the replay: a null value is a tombstone. */
    interface Sink {
        void accept(String key, Object value, Headers headers);
    }

    static void replay(Map<String, Object> consumerConfig, String topic, Duration timeout, BiConsumer<String, Object> sink) {
        replay(consumerConfig, topic, timeout, (key, value, headers) -> sink.accept(key, value));
    }

    static void replay(Map<String, Object> consumerConfig, String topic, Duration timeout, Sink sink) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<Object, Object>(config)) {
            var infos = consumer.listTopics(timeout).get(topic);
            if (infos == null) {
                return;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + timeout);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null && record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                        continue;  // unreadable, not a tombstone
                    }
                    sink.accept((String) record.key(), record.value(), record.headers());
                }
            }
        }
    }
}
