package app.plainpaper.pipeline;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.kafka.EventLog;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding state from the log, on a real broker with real transactions. */
class EventLogTest {

    static final PipelineTestBed BED = PipelineTestBed.start();

    final EventSuccession succession = new EventSuccession(Clock.systemUTC(), "drafting");

    @Test
    void aReplaySeesCommittedRecordsOnlyAndSkipsUnreadableOnes() throws Exception {
        String topic = newTopic(2);
        SummaryEvent first = Events.ingested();
        SummaryEvent second = Events.ingested();
        SummaryEvent aborted = Events.ingested();
        SummaryEvent later = Events.ingested();
        SummaryEvent pending = Events.ingested();

        try (var producer = transactionalProducer(); var stillOpen = transactionalProducer();
             var bytes = bytesProducer()) {
            producer.beginTransaction();
            send(producer, topic, first);
            send(producer, topic, second);
            producer.commitTransaction();
            producer.beginTransaction();
            send(producer, topic, aborted);
            producer.flush();
            producer.abortTransaction();
            bytes.send(new ProducerRecord<>(topic, "poison", "not avro".getBytes(StandardCharsets.UTF_8))).get();
            bytes.send(new ProducerRecord<>(topic, later.getSummaryId(), null)).get();
            producer.beginTransaction();
            send(producer, topic, later);
            producer.commitTransaction();
            stillOpen.beginTransaction();
            send(stillOpen, topic, pending);
            stillOpen.flush();

            List<String> replayed = new ArrayList<>();
            long count = EventLog.replay(consumerConfig(), List.of(topic), Duration.ofSeconds(30),
                    record -> replayed.add(((SummaryEvent) record.value()).getEventId()));

            assertThat(count).isEqualTo(3);
            assertThat(replayed).containsExactlyInAnyOrder(first.getEventId(), second.getEventId(), later.getEventId());

            stillOpen.commitTransaction();
            replayed.clear();
            EventLog.replay(consumerConfig(), List.of(topic), Duration.ofSeconds(30),
                    record -> replayed.add(((SummaryEvent) record.value()).getEventId()));
            assertThat(replayed).contains(pending.getEventId()).doesNotContain(aborted.getEventId()).hasSize(4);
        }
    }

    @Test
    void aReplayOfTopicsThatDoNotExistIsEmpty() {
        long count = EventLog.replay(consumerConfig(), List.of("pipeline-test.never-created-" + UUID.randomUUID()),
                Duration.ofSeconds(10), record -> {
                    throw new AssertionError("no record expected");
                });

        assertThat(count).isZero();
    }

    @Test
    void handledInputsAreRebuiltFromTheCausationIdsOfCommittedOutputs() throws Exception {
        String drafted = newTopic(3);
        String refused = newTopic(1);
        SummaryEvent input = Events.ingested();
        SummaryEvent otherInput = Events.ingested();
        SummaryEvent abortedInput = Events.ingested();

        try (var producer = transactionalProducer()) {
            producer.beginTransaction();
            send(producer, drafted, succession.after(input, EventType.DRAFT_WRITTEN, WorkflowState.EDITOR_REVIEW).build());
            send(producer, refused, succession.after(otherInput, EventType.DECISION_REFUSED, WorkflowState.INGESTED, "command-9").build());
            send(producer, drafted, Events.ingested()); // no causation id
            producer.commitTransaction();
            producer.beginTransaction();
            send(producer, drafted, succession.after(abortedInput, EventType.DRAFT_WRITTEN, WorkflowState.EDITOR_REVIEW).build());
            producer.flush();
            producer.abortTransaction();
        }

        var handled = HandledInputs.rebuiltFrom(new DefaultKafkaConsumerFactory<>(consumerConfig()), List.of(drafted, refused));

        assertThat(handled.contains(input.getEventId())).isTrue();
        assertThat(handled.contains("command-9")).isTrue();
        assertThat(handled.contains(otherInput.getEventId())).isFalse();
        assertThat(handled.contains(abortedInput.getEventId())).isFalse();
        assertThat(handled.size()).isEqualTo(2);

        handled.afterCommit(abortedInput.getEventId()); // no transaction here: at once
        assertThat(handled.contains(abortedInput.getEventId())).isTrue();
    }

    private static String newTopic(int partitions) throws Exception {
        String name = "pipeline-test.log-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
        return name;
    }

    private static void send(KafkaProducer<String, Object> producer, String topic, SummaryEvent event) {
        producer.send(new ProducerRecord<>(topic, event.getSummaryId(), event));
    }

    private static KafkaProducer<String, Object> transactionalProducer() {
        var producer = new KafkaProducer<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "event-log-test-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                "schema.registry.url", BED.registryUrl()));
        producer.initTransactions();
        return producer;
    }

    private static KafkaProducer<String, byte[]> bytesProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** What a service's consumer factory holds with the pipeline defaults. */
    private static Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BED.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "event-log-test",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, KafkaAvroDeserializer.class,
                "specific.avro.reader", true,
                "schema.registry.url", BED.registryUrl());
    }
}
