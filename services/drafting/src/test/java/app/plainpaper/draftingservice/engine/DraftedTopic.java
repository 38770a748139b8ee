package app.plainpaper.draftingservice.engine;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.serde.KafkaAvroSerializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/** Sends a paper to the ingested topic and reads the draft the service writes, as any other service would. */
final class DraftedTopic {

    static final String TITLE = "Study on the Correlation between Pain and Cytokine Expression in the Peripheral Blood of "
            + "Patients with Bone Metastasis of Malignant Cancer Treated Using External Radiation Therapy";

    private DraftedTopic() {
    }

    /** The reference study's abstract (CC BY, doi:10.1155/2022/1119014), as ingestion emits it. */
    static SummaryEvent ingested(String summaryId, String abstractText) {
        Instant now = Instant.now();
        return SummaryEvent.newBuilder()
                .setEventId("ingested-" + UUID.randomUUID()).setSummaryId(summaryId).setSequence(1).setRevision(0)
                .setType(EventType.PAPER_INGESTED).setState(WorkflowState.INGESTED).setOccurredAt(now)
                .setActor(Actor.newBuilder().setId("ingestion").setRole(Role.SYSTEM).build()).setCorrelationId("c-" + summaryId)
                .setPaper(Paper.newBuilder().setTitle(TITLE).setJournal("Pain Research and Management").setYear(2022)
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText(abstractText).build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(now).build()).build())
                .build();
    }

    static void send(PipelineTestBed bed, SummaryEvent event) throws Exception {
        try (var producer = new KafkaProducer<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                "schema.registry.url", bed.registryUrl()))) {
            producer.send(new ProducerRecord<>(Topics.INGESTED, event.getSummaryId(), event)).get();
        }
    }

    /** The first committed draft of {@code summaryId}. */
    static SummaryEvent draftOf(PipelineTestBed bed, String summaryId) {
        AtomicReference<SummaryEvent> found = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<String, Object>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                "schema.registry.url", bed.registryUrl(),
                "specific.avro.reader", "true"))) {
            consumer.subscribe(List.of(Topics.DRAFTED));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (summaryId.equals(r.key()) && found.get() == null) {
                        found.set((SummaryEvent) r.value());
                    }
                });
                return found.get() != null;
            });
        }
        return found.get();
    }
}
