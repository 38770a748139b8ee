package app.plainpaper.draftingservice.kafka;

import app.plainpaper.draftingservice.revision.DraftRevisions;
import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.HandledInputs;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.UnprocessableEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/** Drafts each ingested paper and each requested revision, in one Kafka transaction per record. */
class DraftingListener {

    private static final Logger log = LoggerFactory.getLogger(DraftingListener.class);

    private final DraftRevisions revisions;
    private final HandledInputs handled;
    private final KafkaTemplate<Object, Object> kafka;

    DraftingListener(DraftRevisions revisions, HandledInputs handled, KafkaTemplate<Object, Object> kafka) {
        this.revisions = revisions;
        this.handled = handled;
        this.kafka = kafka;
    }

    @KafkaListener(id = "drafting", topics = {Topics.INGESTED, Topics.REVISION_REQUESTED})
    void on(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof SummaryEvent event)) {
            throw new UnprocessableEvent("Expected a summary event on " + record.topic());
        }
        if (handled.contains(event.getEventId())) {
            log.info("Event {} was drafted already", event.getEventId());
            return;
        }
        SummaryEvent drafted = event.getType() == EventType.PAPER_INGESTED
                ? revisions.firstDraft(event)
                : revisions.nextRevision(event);
        kafka.send(Topics.DRAFTED, drafted.getSummaryId(), drafted);
        handled.afterCommit(event.getEventId());
        log.info("Wrote revision {}", drafted.getRevision());
    }
}
