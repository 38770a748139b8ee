package app.plainpaper.ingestion;

import app.plainpaper.events.PaperNotice;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.testsupport.PipelineTestBed;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads paper.notices to its current end, as any consumer would: committed records, decoded through the registry. */
public final class NoticesTopic {

    private NoticesTopic() {
    }

    /** Every notice about one summary now on the topic (an empty list when there is none). */
    public static List<PaperNotice> noticesOf(PipelineTestBed bed, String summaryId) {
        List<PaperNotice> notices = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, Object>(IngestedTopic.consumerConfig(bed))) {
            var partitions = consumer.partitionsFor(Topics.PAPER_NOTICES, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.PAPER_NOTICES + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (summaryId.equals(r.key()) && r.value() instanceof PaperNotice notice) {
                        notices.add(notice);
                    }
                });
            }
        }
        return notices;
    }
}
