package app.plainpaper.ingestion;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Reads what ingestion emitted, as any consumer would: committed records, decoded through the registry. */
public final class IngestedTopic {

    private IngestedTopic() {
    }

    public static Map<String, Object> consumerConfig(PipelineTestBed bed) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                "schema.registry.url", bed.registryUrl(),
                "specific.avro.reader", "true");
    }

    /** The ingested events of one summary: waits for the first, then takes any that follow it closely. */
    public static List<SummaryEvent> eventsOf(PipelineTestBed bed, String summaryId) {
        List<SummaryEvent> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, Object>(consumerConfig(bed))) {
            consumer.subscribe(List.of(Topics.INGESTED));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                collect(consumer, summaryId, events, Duration.ofMillis(200));
                return !events.isEmpty();
            });
            collect(consumer, summaryId, events, Duration.ofMillis(500));
        }
        return events;
    }

    private static void collect(KafkaConsumer<String, Object> consumer, String summaryId, List<SummaryEvent> events, Duration poll) {
        consumer.poll(poll).forEach(r -> {
            if (summaryId.equals(r.key())) {
                events.add((SummaryEvent) r.value());
            }
        });
    }
}
