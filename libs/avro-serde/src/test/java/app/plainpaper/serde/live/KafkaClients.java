package app.plainpaper.serde.live;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Real Kafka clients on the live broker, configured like an application would configure them. */
final class KafkaClients {

    private KafkaClients() {
    }

    /** Creates a fresh single-partition topic with a unique name. */
    static String newTopic(String prefix) {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LiveRegistry.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
        return topic;
    }

    static <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values, Map<String, Object> serdeConfig) {
        Map<String, Object> config = new HashMap<>(serdeConfig);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LiveRegistry.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        keys.configure(config, true);
        values.configure(config, false);
        return new KafkaProducer<>(config, keys, values);
    }

    /** Producer configured the way Spring Boot does it: serializer class names plus properties. */
    static KafkaProducer<Object, Object> producerByClassName(Class<?> keySerializer, Class<?> valueSerializer,
            Map<String, Object> serdeConfig) {
        Map<String, Object> config = new HashMap<>(serdeConfig);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LiveRegistry.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer.getName());
        return new KafkaProducer<>(config);
    }

    static Map<String, Object> consumerConfig(Map<String, Object> serdeConfig) {
        Map<String, Object> config = new HashMap<>(serdeConfig);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LiveRegistry.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /** Reads exactly {@code count} records from the start of the topic, waiting at most 30 s. */
    static <K, V> List<ConsumerRecord<K, V>> readAll(String topic, int count, Deserializer<K> keys,
            Deserializer<V> values, Map<String, Object> serdeConfig) {
        Map<String, Object> config = consumerConfig(serdeConfig);
        keys.configure(config, true);
        values.configure(config, false);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            return readAll(consumer, topic, count);
        }
    }

    static <K, V> List<ConsumerRecord<K, V>> readAll(KafkaConsumer<K, V> consumer, String topic, int count) {
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        await("read " + count + " records from " + topic).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                    return records.size() >= count;
                });
        return records;
    }
}
