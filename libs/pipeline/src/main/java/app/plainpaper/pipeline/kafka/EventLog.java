package app.plainpaper.pipeline.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads topics from their start to their current end (committed records only: records of aborted or still open
 * transactions are never seen). Read models and stages rebuild their state this way on start: Kafka is the system
 * of record. Tombstones and unreadable records are skipped.
 */
public final class EventLog {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);

    private EventLog() {
    }

    /**
     * @param consumerConfig a consumer configuration (its group id is dropped: nothing is committed)
     * @return how many records went to {@code sink}
     * @throws IllegalStateException when the topics cannot be read to their end within {@code timeout}
     */
    public static long replay(Map<String, Object> consumerConfig, Collection<String> topics, Duration timeout,
            Consumer<ConsumerRecord<Object, Object>> sink) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long count = 0;
        try (var consumer = new KafkaConsumer<Object, Object>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            var existing = consumer.listTopics(timeout);
            for (String topic : topics) {
                var infos = existing.get(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!caughtUp(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topics + " to its end within " + timeout);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        sink.accept(record);
                        count++;
                    } else if (record.headers().lastHeader(KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                        // A poison record: its consumer dead-lettered it when it came; state cannot come from it.
                        log.warn("Skipped unreadable record {}-{}@{} while replaying", record.topic(), record.partition(),
                                record.offset());
                    }
                }
            }
        }
        return count;
    }

    private static boolean caughtUp(KafkaConsumer<Object, Object> consumer, Map<TopicPartition, Long> end) {
        for (var entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
