package app.plainpaper.accuracy.feedback;

import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.SummarySnapshots;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.List;

/** The tally is rebuilt from reader.feedback on start; the review listener feeds it new answers. */
@Configuration(proxyBeanMethods = false)
class FeedbackReReviewConfiguration {

    @Bean
    FeedbackReReview feedbackReReview(SummarySnapshots snapshots, EventSuccession succession, ConsumerFactory<?, ?> consumers,
            @Value("${plainpaper.feedback.re-review.min-answers:10}") int minAnswers,
            @Value("${plainpaper.feedback.re-review.max-no-share:0.5}") double maxNoShare) {
        var reReview = new FeedbackReReview(new FeedbackTally(new FeedbackTally.Threshold(minAnswers, maxNoShare)), snapshots, succession);
        EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.READER_FEEDBACK), Duration.ofSeconds(60), record -> {
            if (record.value() instanceof ReaderFeedback feedback) {
                reReview.remember(feedback);
            }
        });
        return reReview;
    }
}
