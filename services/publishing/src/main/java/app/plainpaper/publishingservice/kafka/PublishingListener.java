package app.plainpaper.publishingservice.kafka;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.HandledInputs;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.UnprocessableEvent;
import app.plainpaper.publishingservice.site.LiveSite;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes each summary that passed the final compliance gate. Rendering is deterministic, so a retry after a
 * crash writes the same bytes; the published event and the input offset commit together.
 */
class PublishingListener {

    private static final Logger log = LoggerFactory.getLogger(PublishingListener.class);

    private final LiveSite site;
    private final HandledInputs handled;
    private final EventSuccession succession;
    private final KafkaTemplate<Object, Object> kafka;

    PublishingListener(LiveSite site, HandledInputs handled, EventSuccession succession, KafkaTemplate<Object, Object> kafka) {
        this.site = site;
        this.handled = handled;
        this.succession = succession;
        this.kafka = kafka;
    }

    @KafkaListener(id = "publishing", topics = Topics.COMPLIANCE_PASSED)
    void on(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof SummaryEvent passed)) {
            throw new UnprocessableEvent("Expected a summary event on " + record.topic());
        }
        if (handled.contains(passed.getEventId())) {
            return;
        }
        if (passed.getDraft() == null || passed.getSignOff() == null || passed.getSignOff().getRevision() != passed.getRevision()) {
            throw new UnprocessableEvent("Revision " + passed.getRevision() + " has no valid clinical sign-off: not published.");
        }
        var publication = site.publicationFor(passed, succession.now());
        SummaryEvent published = succession.after(passed, EventType.PUBLISHED, WorkflowState.PUBLISHED)
                .setPublication(publication)
                .build();
        site.publish(published);
        kafka.send(Topics.PUBLISHED, published.getSummaryId(), published);
        handled.afterCommit(passed.getEventId());
        log.info("Published revision {} at {}", published.getRevision(), publication.getUrl());
    }
}
