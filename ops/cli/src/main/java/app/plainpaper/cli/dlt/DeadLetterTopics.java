package app.plainpaper.cli.dlt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads the dead-letter topics ({@code *.dlt}) and replays their records to the topics they came from.
 * Replayed positions are kept as the committed offsets of the consumer group {@value #REPLAY_GROUP}
 * on each dead-letter partition, so a record is replayed once.
 */
public final class DeadLetterTopics {

    public static final String REPLAY_GROUP = "plainpaper-dlt-replay";
    public static final String SUFFIX = ".dlt";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    public DeadLetterTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The dead-letter topics on the cluster, or just {@code topic} (which must exist). */
    public List<String> topics(Optional<String> topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> names = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (topic.isPresent()) {
                if (!names.contains(topic.get())) {
                    throw new IllegalArgumentException("topic " + topic.get() + " does not exist on " + bootstrapServers);
                }
                return List.of(topic.get());
            }
            return names.stream().filter(n -> n.endsWith(SUFFIX)).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot list topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /** Every record on the topics, oldest first per partition, each with whether it was replayed already. */
    public List<Listed> list(List<String> topics) {
        List<Listed> listed = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, TIMEOUT);
            for (ConsumerRecord<byte[], byte[]> record : readRange(consumer, partitions, start)) {
                OffsetAndMetadata replayedUpTo = committed.get(new TopicPartition(record.topic(), record.partition()));
                listed.add(new Listed(DeadLetter.of(record), replayedUpTo != null && record.offset() < replayedUpTo.offset()));
            }
        }
        return listed;
    }

    public record Listed(DeadLetter deadLetter, boolean replayed) {
    }

    /**
     * Sends every not yet replayed record back to its original topic: same key and value bytes, the headers
     * without the dead-letter ones. Then commits the replay position. With {@code dryRun} nothing is sent or committed.
     */
    public ReplayReport replay(List<String> topics, boolean dryRun, java.util.function.Consumer<String> progress) {
        List<String> replayed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
             KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer()) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                from.put(partition, Math.max(beginning.get(partition), done == null ? 0L : done.offset()));
            }
            Map<TopicPartition, Long> next = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : readRange(consumer, partitions, from)) {
                DeadLetter letter = DeadLetter.of(record);
                TopicPartition source = new TopicPartition(record.topic(), record.partition());
                String where = record.topic() + "[" + record.partition() + "]@" + record.offset();
                if (letter.originalTopic().isEmpty()) {
                    skipped.add(where + ": no " + DeadLetter.ORIGINAL_TOPIC + " header, left where it is");
                    progress.accept("skip    " + where + " (no original topic)");
                } else if (dryRun) {
                    replayed.add(where);
                    progress.accept("would replay " + where + " -> " + letter.originalTopic().get());
                } else {
                    RecordMetadata sent = send(producer, record, letter.originalTopic().get());
                    replayed.add(where);
                    progress.accept("replayed " + where + " -> " + sent.topic() + "[" + sent.partition() + "]@" + sent.offset());
                }
                next.put(source, record.offset() + 1);
                if (!dryRun) {
                    // Committed per record, right after its send was acknowledged: a failure part-way resends nothing already sent.
                    consumer.commitSync(Map.of(source, new OffsetAndMetadata(record.offset() + 1)), TIMEOUT);
                }
            }
        }
        return new ReplayReport(replayed, skipped, dryRun);
    }

    public record ReplayReport(List<String> replayed, List<String> skipped, boolean dryRun) {
    }

    private static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record,
                                       String topic) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(h -> {
            if (!DeadLetter.isDeadLetterHeader(h.key())) {
                headers.add(h);
            }
        });
        // Partition left to the key, as when the event was first produced (summary events are keyed by summary id).
        ProducerRecord<byte[], byte[]> back = new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
        try {
            return producer.send(back).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot send " + record.topic() + "@" + record.offset() + " back to " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRange(KafkaConsumer<byte[], byte[]> consumer,
                                                                  List<TopicPartition> partitions,
                                                                  Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        List<TopicPartition> toRead = partitions.stream().filter(p -> from.get(p) < end.get(p)).toList();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        if (toRead.isEmpty()) {
            return records;
        }
        consumer.assign(toRead);
        toRead.forEach(p -> consumer.seek(p, from.get(p)));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (toRead.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the dead-letter topics to their end within "
                        + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        records.sort(java.util.Comparator.comparing((ConsumerRecord<byte[], byte[]> r) -> r.topic())
                .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, REPLAY_GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }
}
