package app.plainpaper.publishingservice.kafka;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.UnprocessableEvent;
import app.plainpaper.publishingservice.site.LiveSite;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Takes unpublished summaries off the site (their addresses answer 410) and marks retracted ones (the page stays with
 * a notice, out of listings, feed, search and sitemap). Emits nothing: the review workflow already recorded the
 * change; re-rendering is deterministic, so a redelivery rewrites the same bytes.
 */
class WithdrawalListener {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalListener.class);

    private final LiveSite site;

    WithdrawalListener(LiveSite site) {
        this.site = site;
    }

    @KafkaListener(id = "publishing-withdrawals", topics = {Topics.UNPUBLISHED, Topics.RETRACTED})
    void on(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof SummaryEvent event)) {
            throw new UnprocessableEvent("Expected a summary event on " + record.topic());
        }
        if (event.getPublication() == null) {
            log.info("Summary {} was never published: nothing to take off the site ({})", event.getSummaryId(), event.getType());
            return;
        }
        var release = site.publish(event);
        log.info("{} {} at {}: release {}", event.getType(), event.getSummaryId(), event.getPublication().getUrl(), release.id());
    }
}
