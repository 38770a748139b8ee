package app.plainpaper.publishingservice.readers;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.ClinicalSignOff;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.KeyFinding;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.serde.KafkaAvroDeserializer;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads topics back as any consumer would (decoded through the registry), or as raw bytes. */
final class ReaderTopics {

    private ReaderTopics() {
    }

    static Map<String, Object> config(PipelineTestBed bed, Class<?> valueDeserializer) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        config.put("schema.registry.url", bed.registryUrl());
        config.put("specific.avro.reader", "true");
        return config;
    }

    /** Every record of the topic, from its start to its current end (tombstones as null values). */
    static <V> List<ConsumerRecord<String, V>> all(PipelineTestBed bed, String topic, Class<?> valueDeserializer) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, V>(config(bed, valueDeserializer))) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static List<ConsumerRecord<String, Object>> decoded(PipelineTestBed bed, String topic) {
        return all(bed, topic, KafkaAvroDeserializer.class);
    }

    /** The raw bytes of every record (keys and values) of every topic on the broker, internal ones included. */
    static Map<String, List<byte[]>> rawBytesOfEveryTopic(PipelineTestBed bed) throws Exception {
        Map<String, List<byte[]>> bytes = new HashMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bed.bootstrapServers()))) {
            var names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names().get();
            for (String topic : names) {
                List<byte[]> values = new ArrayList<>();
                Map<String, Object> config = config(bed, ByteArrayDeserializer.class);
                config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
                try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
                    var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    Instant deadline = Instant.now().plusSeconds(30);
                    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                        for (var record : consumer.poll(Duration.ofMillis(200))) {
                            if (record.key() != null) {
                                values.add(record.key());
                            }
                            if (record.value() != null) {
                                values.add(record.value());
                            }
                            record.headers().forEach(h -> values.add(h.value()));
                        }
                    }
                }
                bytes.put(topic, values);
            }
        }
        return bytes;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A summary that passed every gate, as the compliance gate emits it; publishing then publishes it. */
    static SummaryEvent passed(String summaryId, String title, Instant at) {
        Actor casey = Actor.newBuilder().setId("casey").setRole(Role.CLINICAL_REVIEWER).setDisplayName("Dr Casey Morgan").setCredentials("MD").build();
        return SummaryEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setSummaryId(summaryId).setSequence(8).setRevision(1)
                .setType(EventType.COMPLIANCE_PASSED).setState(WorkflowState.PUBLISHING).setOccurredAt(at)
                .setActor(Actor.newBuilder().setId("disclaimer-check").setRole(Role.SYSTEM).build()).setCorrelationId(summaryId)
                .setPaper(Paper.newBuilder().setTitle(title).setJournal("Spinal Cord").setYear(2024)
                        .setDoi("10.1038/" + summaryId)
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText("Walking improved.").build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(at).build()).build())
                .setDraft(Draft.newBuilder().setRevision(1)
                        .setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                        .setSimpleExplanation("Researchers looked at walking after injury.")
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3").setReason("case-control").build())
                        .setKeyFindings(List.of(KeyFinding.newBuilder().setText("Walking improved.").build()))
                        .setResearchSummary("A study of walking.")
                        .setLimitations(List.of("Small study."))
                        .setCategories(List.of("Mobility"))
                        .build())
                .setSignOff(ClinicalSignOff.newBuilder().setReviewer(casey).setRevision(1).setSignedOffAt(at).build())
                .build();
    }
}
