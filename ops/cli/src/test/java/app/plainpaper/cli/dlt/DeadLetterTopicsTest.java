package app.plainpaper.cli.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import app.plainpaper.cli.PlainpaperCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import picocli.CommandLine;

/**
 * Dead letters written by spring-kafka's own DeadLetterPublishingRecoverer onto a real KRaft broker,
 * listed and replayed. Each test uses its own topics so the class shares one broker.
 */
class DeadLetterTopicsTest {

    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;
    private static KafkaTemplate<byte[], byte[]> template;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }

    @AfterAll
    static void stopBroker() {
        template.destroy();
        admin.close();
        broker.destroy();
    }

    private static void createTopics(String source, String dlt) throws Exception {
        admin.createTopics(List.of(new NewTopic(source, 3, (short) 1), new NewTopic(dlt, 1, (short) 1)))
                .all().get(10, TimeUnit.SECONDS);
    }

    /** What a service's error handler does with a record it cannot process. */
    private static void deadLetter(String dlt, String sourceTopic, int partition, long offset, String key, byte[] value,
                                   Exception failure, String reason) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(dlt, 0));
        if (reason != null) {
            recoverer.setHeadersFunction((record, e) -> new RecordHeaders(List.of(
                    new RecordHeader(DeadLetter.REASON, reason.getBytes(StandardCharsets.UTF_8)))));
        }
        RecordHeaders headers = new RecordHeaders(List.of(new RecordHeader("traceparent",
                "00-trace-span-01".getBytes(StandardCharsets.UTF_8))));
        ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>(sourceTopic, partition, offset, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, key.length(), value.length, key.getBytes(StandardCharsets.UTF_8), value,
                headers, Optional.empty());
        recoverer.accept(failed, failure);
    }

    @Test
    void listsEachDeadLetterWithWhereItCameFromAndWhy() throws Exception {
        createTopics("summary.listed", "listing.dlt");
        deadLetter("listing.dlt", "summary.listed", 2, 41, "summary-7", new byte[] {0, 0, 0, 0, 1, 2},
                new IllegalStateException("schema 99 not found\nin registry"), "unknown schema id 99");

        DeadLetterTopics dlt = new DeadLetterTopics(broker.getBrokersAsString());
        List<DeadLetterTopics.Listed> listed = dlt.list(List.of("listing.dlt"));

        assertThat(listed).hasSize(1);
        DeadLetter letter = listed.get(0).deadLetter();
        assertThat(listed.get(0).replayed()).isFalse();
        assertThat(letter.originalTopic()).contains("summary.listed");
        assertThat(letter.originalPartition()).contains(2);
        assertThat(letter.originalOffset()).contains(41L);
        assertThat(letter.exceptionClass()).hasValueSatisfying(c -> assertThat(c).endsWith("IllegalStateException"));
        assertThat(letter.reason()).contains("unknown schema id 99");
        assertThat(letter.describe()).startsWith("listing.dlt[0]@0  key=summary-7  from=summary.listed[2]@41  error=")
                .contains("schema 99 not found in registry")
                .endsWith("reason=unknown schema id 99");
        assertThat(dlt.topics(Optional.empty())).contains("listing.dlt").doesNotContain("summary.listed");
    }

    @Test
    void replaysOnceToTheOriginalTopicWithKeyValueAndOwnHeadersUnchanged() throws Exception {
        createTopics("summary.replayed", "replaying.dlt");
        byte[] value = {0, 0, 0, 0, 7, 42, 43};
        deadLetter("replaying.dlt", "summary.replayed", 1, 5, "summary-1", value, new RuntimeException("boom"), null);
        deadLetter("replaying.dlt", "summary.replayed", 0, 9, "summary-2", new byte[] {1}, new RuntimeException("bang"), "r");
        DeadLetterTopics dlt = new DeadLetterTopics(broker.getBrokersAsString());

        DeadLetterTopics.ReplayReport dry = dlt.replay(List.of("replaying.dlt"), true, line -> { });
        assertThat(dry.replayed()).containsExactly("replaying.dlt[0]@0", "replaying.dlt[0]@1");
        assertThat(endOffsetSum("summary.replayed")).isZero();

        List<String> progress = new ArrayList<>();
        DeadLetterTopics.ReplayReport report = dlt.replay(List.of("replaying.dlt"), false, progress::add);

        assertThat(report.replayed()).containsExactly("replaying.dlt[0]@0", "replaying.dlt[0]@1");
        assertThat(progress).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("replayed replaying.dlt[0]@"));
        List<ConsumerRecord<byte[], byte[]>> back = readAll("summary.replayed", 2);
        ConsumerRecord<byte[], byte[]> first = back.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("summary-1")).findFirst().orElseThrow();
        assertThat(first.value()).isEqualTo(value);
        List<String> headerNames = new ArrayList<>();
        first.headers().forEach(h -> headerNames.add(h.key()));
        assertThat(headerNames).containsExactly("traceparent");
        Header trace = first.headers().lastHeader("traceparent");
        assertThat(new String(trace.value(), StandardCharsets.UTF_8)).isEqualTo("00-trace-span-01");

        DeadLetterTopics.ReplayReport again = dlt.replay(List.of("replaying.dlt"), false, line -> { });
        assertThat(again.replayed()).isEmpty();
        assertThat(endOffsetSum("summary.replayed")).isEqualTo(2);
        assertThat(dlt.list(List.of("replaying.dlt"))).allMatch(DeadLetterTopics.Listed::replayed);

        // A record dead-lettered later is replayed by the next run, and only it.
        deadLetter("replaying.dlt", "summary.replayed", 2, 11, "summary-3", new byte[] {3}, new RuntimeException("x"), null);
        assertThat(dlt.replay(List.of("replaying.dlt"), false, line -> { }).replayed()).containsExactly("replaying.dlt[0]@2");
        assertThat(endOffsetSum("summary.replayed")).isEqualTo(3);
    }

    @Test
    void aRecordWithoutItsOriginalTopicIsSkippedAndStays() throws Exception {
        createTopics("summary.orphan", "orphan.dlt");
        template.send("orphan.dlt", "k".getBytes(StandardCharsets.UTF_8), new byte[] {9}).get(10, TimeUnit.SECONDS);

        DeadLetterTopics.ReplayReport report = new DeadLetterTopics(broker.getBrokersAsString())
                .replay(List.of("orphan.dlt"), false, line -> { });

        assertThat(report.replayed()).isEmpty();
        assertThat(report.skipped()).containsExactly("orphan.dlt[0]@0: no kafka_dlt-original-topic header, left where it is");
        assertThat(endOffsetSum("orphan.dlt")).isEqualTo(1);
    }

    @Test
    void theCommandLinePrintsOneLinePerDeadLetterAndReplays() throws Exception {
        createTopics("summary.cli", "cli.dlt");
        deadLetter("cli.dlt", "summary.cli", 0, 3, "summary-9", new byte[] {5}, new IllegalArgumentException("bad"), "why");

        StringWriter listed = new StringWriter();
        CommandLine cli = PlainpaperCommand.commandLine();
        cli.setOut(new PrintWriter(listed, true));
        int code = cli.execute("dlt", "list", "--bootstrap-server", broker.getBrokersAsString(), "--topic", "cli.dlt");

        assertThat(code).isZero();
        assertThat(listed.toString().lines()).containsExactly(
                "cli.dlt[0]@0  key=summary-9  from=summary.cli[0]@3  error=java.lang.IllegalArgumentException: bad  reason=why",
                "1 dead-lettered, 1 not replayed");

        StringWriter replayed = new StringWriter();
        cli.setOut(new PrintWriter(replayed, true));
        assertThat(cli.execute("dlt", "replay", "-b", broker.getBrokersAsString(), "-t", "cli.dlt")).isZero();
        assertThat(replayed.toString()).contains("replayed 1, skipped 0");
        assertThat(endOffsetSum("summary.cli")).isEqualTo(1);

        StringWriter errors = new StringWriter();
        cli.setErr(new PrintWriter(errors, true));
        assertThat(cli.execute("dlt", "list", "-b", broker.getBrokersAsString(), "-t", "no-such.dlt")).isEqualTo(1);
        assertThat(errors.toString()).contains("topic no-such.dlt does not exist");
    }

    private static long endOffsetSum(String topic) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
