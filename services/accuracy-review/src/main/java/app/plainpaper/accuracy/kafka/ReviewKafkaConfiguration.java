package app.plainpaper.accuracy.kafka;

import app.plainpaper.accuracy.checks.AccuracyChecks;
import app.plainpaper.accuracy.feedback.FeedbackReReview;
import app.plainpaper.accuracy.workflow.ReviewWorkflow;
import app.plainpaper.accuracy.workflow.ReviewerConflicts;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.SummarySnapshots;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ReviewKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReviewKafkaConfiguration.class);

    /** Rebuilt from the event topics before the listener starts: Kafka is the only store. */
    @Bean
    SummarySnapshots reviewSnapshots(ConsumerFactory<?, ?> consumers) {
        var snapshots = new SummarySnapshots();
        long count = EventLog.replay(consumers.getConfigurationProperties(), Topics.SUMMARY_EVENTS, Duration.ofSeconds(60),
                record -> {
                    if (record.value() instanceof SummaryEvent event) {
                        snapshots.apply(event);
                    }
                });
        log.info("Review state rebuilt from {} events ({} summaries)", count, snapshots.size());
        return snapshots;
    }

    @Bean
    ReviewWorkflow reviewWorkflow(EventSuccession succession, ReviewerConflicts conflicts) {
        return new ReviewWorkflow(succession, conflicts);
    }

    @Bean
    ReviewListener reviewListener(SummarySnapshots snapshots, ReviewWorkflow workflow, AccuracyChecks checks,
            EventSuccession succession, KafkaTemplate<Object, Object> kafka, FeedbackReReview feedbackReReview) {
        var listener = new ReviewListener(snapshots, workflow, checks, succession, kafka);
        listener.sendBackOnNegativeFeedback(feedbackReReview);
        return listener;
    }
}
