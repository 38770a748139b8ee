package app.plainpaper.draftingservice.kafka;

import app.plainpaper.draftingservice.revision.DraftRevisions;
import app.plainpaper.events.EventType;
import app.plainpaper.pipeline.StageStep;
import app.plainpaper.pipeline.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Drafts each ingested paper and each requested revision, in one Kafka transaction per record. */
class DraftingListener {

    private static final Logger log = LoggerFactory.getLogger(DraftingListener.class);

    private final DraftRevisions revisions;
    private final StageStep step;

    DraftingListener(DraftRevisions revisions, StageStep step) {
        this.revisions = revisions;
        this.step = step;
    }

    @KafkaListener(id = "drafting", topics = {Topics.INGESTED, Topics.REVISION_REQUESTED})
    void on(ConsumerRecord<String, Object> record) {
        var output = step.apply(record, event -> new StageStep.Output(Topics.DRAFTED,
                event.getType() == EventType.PAPER_INGESTED ? revisions.firstDraft(event) : revisions.nextRevision(event)));
        if (output != null) {
            log.info("Wrote revision {}", output.event().getRevision());
        }
    }
}
