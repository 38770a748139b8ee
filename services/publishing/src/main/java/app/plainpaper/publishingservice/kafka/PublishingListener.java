package app.plainpaper.publishingservice.kafka;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.StageStep;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.UnprocessableEvent;
import app.plainpaper.publishingservice.site.LiveSite;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Publishes each summary that passed the final compliance gate. Rendering is deterministic, so a retry after a
 * crash writes the same bytes; the published event and the input offset commit together.
 */
class PublishingListener {

    private static final Logger log = LoggerFactory.getLogger(PublishingListener.class);

    private final LiveSite site;
    private final StageStep step;
    private final EventSuccession succession;

    PublishingListener(LiveSite site, StageStep step, EventSuccession succession) {
        this.site = site;
        this.step = step;
        this.succession = succession;
    }

    @KafkaListener(id = "publishing", topics = Topics.COMPLIANCE_PASSED)
    void on(ConsumerRecord<String, Object> record) {
        var output = step.apply(record, this::publish);
        if (output != null) {
            log.info("Published revision {} at {}", output.event().getRevision(), output.event().getPublication().getUrl());
        }
    }

    private StageStep.Output publish(SummaryEvent passed) {
        if (passed.getDraft() == null || passed.getSignOff() == null || passed.getSignOff().getRevision() != passed.getRevision()) {
            throw new UnprocessableEvent("Revision " + passed.getRevision() + " has no valid clinical sign-off: not published.");
        }
        var publication = site.publicationFor(passed, succession.now());
        SummaryEvent published = succession.after(passed, EventType.PUBLISHED, WorkflowState.PUBLISHED)
                .setPublication(publication)
                .build();
        site.publish(published);
        return new StageStep.Output(Topics.PUBLISHED, published);
    }
}
