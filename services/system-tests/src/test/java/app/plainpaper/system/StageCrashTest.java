package app.plainpaper.system;

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
import app.plainpaper.topics.TopicCatalog;
import app.plainpaper.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once across a crash. The drafting stage runs as its own process; it is frozen (SIGSTOP) at the moment
 * it has produced output inside an open transaction whose offsets are not yet committed, then killed with SIGKILL,
 * then restarted. Every input must end with exactly one committed output: none lost, none doubled.
 */
class StageCrashTest {

    static final int INPUTS = 300;

    @TempDir
    Path data;
    ServiceProcess drafting;

    @AfterEach
    void stop() {
        if (drafting != null) {
            drafting.stop();
        }
    }

    @Test
    void aStageKilledBetweenProducingAndCommittingLosesNothingAndDoublesNothing() throws Exception {
        PipelineTestBed bed = PipelineTestBed.start();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bed.bootstrapServers()))) {
            TopicProvisioner.provision(admin, TopicCatalog.fromClasspath());
        }
        String batch = "crash-" + UUID.randomUUID();
        drafting = start(bed);
        Set<String> inputIds = produceIngested(bed, batch);

        boolean killedInsideATransaction = false;
        try (var uncommitted = endOffsets(bed, "read_uncommitted"); var committed = endOffsets(bed, "read_committed")) {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (!killedInsideATransaction && System.nanoTime() < deadline) {
                signal("STOP", drafting.pid());
                if (openTransactionWithOutput(uncommitted, committed) && committedOutputs(bed, batch).size() < INPUTS) {
                    drafting.kill();
                    killedInsideATransaction = true;
                } else {
                    signal("CONT", drafting.pid());
                    Thread.onSpinWait();
                }
            }
        }
        assertThat(killedInsideATransaction).as("the stage was caught between producing and committing").isTrue();
        int beforeRestart = committedOutputs(bed, batch).size();
        assertThat(beforeRestart).as("the crash came in the middle of the batch").isLessThan(INPUTS);

        drafting = start(bed);
        await("every input drafted").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> committedOutputs(bed, batch).size() >= INPUTS);

        Map<String, Long> outputsPerInput = committedOutputs(bed, batch);
        assertThat(outputsPerInput.keySet()).isEqualTo(inputIds);
        assertThat(outputsPerInput.values()).as("outputs per input").containsOnly(1L);
    }

    private ServiceProcess start(PipelineTestBed bed) {
        var process = new ServiceProcess("drafting", List.of(
                "--spring.kafka.bootstrap-servers=" + bed.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + bed.registryUrl(),
                "--plainpaper.data-dir=" + data,
                // A killed producer's open transaction blocks read_committed readers until it times out.
                "--spring.kafka.producer.properties.transaction.timeout.ms=10000"), Map.of()).start();
        process.awaitHealthy(Duration.ofMinutes(5));
        return process;
    }

    private static Set<String> produceIngested(PipelineTestBed bed, String batch) throws Exception {
        try (var producer = new KafkaProducer<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class,
                "schema.registry.url", bed.registryUrl()))) {
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < INPUTS; i++) {
                String summaryId = batch + "-" + i;
                String eventId = UUID.randomUUID().toString();
                ids.add(eventId);
                producer.send(new ProducerRecord<>(Topics.INGESTED, summaryId, ingested(summaryId, eventId, i)));
            }
            producer.flush();
            return ids;
        }
    }

    private static SummaryEvent ingested(String summaryId, String eventId, int i) {
        Instant now = Instant.now();
        return SummaryEvent.newBuilder()
                .setEventId(eventId).setSummaryId(summaryId).setSequence(1).setRevision(0)
                .setType(EventType.PAPER_INGESTED).setState(WorkflowState.INGESTED).setOccurredAt(now)
                .setActor(Actor.newBuilder().setId("ingestion").setRole(Role.SYSTEM).build())
                .setCorrelationId(eventId)
                .setPaper(Paper.newBuilder()
                        .setTitle("Exercise after spinal cord injury, cohort " + i)
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText(
                                "We followed " + (20 + i) + " adults with chronic spinal cord injury for 12 weeks. "
                                        + "Walking speed improved significantly after training. "
                                        + "Pain scores did not change.").build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(now).build())
                        .build())
                .build();
    }

    /** Committed drafted outputs of this batch, counted per input (causation id). */
    private static Map<String, Long> committedOutputs(PipelineTestBed bed, String batch) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class,
                "schema.registry.url", bed.registryUrl(),
                "specific.avro.reader", "true"));
        Map<String, Long> counts = new HashMap<>();
        try (var consumer = new KafkaConsumer<String, Object>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DRAFTED).stream()
                    .map(p -> new TopicPartition(Topics.DRAFTED, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().startsWith(batch)) {
                        counts.merge(((SummaryEvent) r.value()).getCausationId(), 1L, Long::sum);
                    }
                });
            }
        }
        return counts;
    }

    private static boolean openTransactionWithOutput(KafkaConsumer<byte[], byte[]> uncommitted, KafkaConsumer<byte[], byte[]> committed) {
        List<TopicPartition> partitions = uncommitted.partitionsFor(Topics.DRAFTED).stream()
                .map(p -> new TopicPartition(Topics.DRAFTED, p.partition())).toList();
        Map<TopicPartition, Long> highWatermarks = uncommitted.endOffsets(partitions);
        Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
        return partitions.stream().anyMatch(p -> highWatermarks.get(p) > stable.get(p));
    }

    private static KafkaConsumer<byte[], byte[]> endOffsets(PipelineTestBed bed, String isolation) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    private static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
    }
}
