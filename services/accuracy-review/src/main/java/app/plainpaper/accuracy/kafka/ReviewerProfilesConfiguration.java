package app.plainpaper.accuracy.kafka;

import app.plainpaper.accuracy.workflow.ReviewerConflicts;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.List;

/** The reviewers' declared conflicts, read from the desk's compacted profiles topic: replayed on start, then followed. */
@Configuration(proxyBeanMethods = false)
class ReviewerProfilesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReviewerProfilesConfiguration.class);

    @Bean
    ReviewerConflicts reviewerConflicts(ConsumerFactory<?, ?> consumers) {
        var conflicts = new ReviewerConflicts();
        long count = EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.REVIEWER_PROFILES), Duration.ofSeconds(60),
                record -> {
                    if (record.value() instanceof ReviewerProfile profile) {
                        conflicts.apply(profile);
                    }
                });
        log.info("Reviewer profiles rebuilt from {} records", count);
        return conflicts;
    }

    @Bean
    ProfileListener reviewerProfileListener(ReviewerConflicts conflicts) {
        return new ProfileListener(conflicts);
    }

    /** A fresh group on every start: the whole topic is the state, nothing is committed for later. */
    static class ProfileListener {

        private final ReviewerConflicts conflicts;

        ProfileListener(ReviewerConflicts conflicts) {
            this.conflicts = conflicts;
        }

        @KafkaListener(id = "accuracy-review-profiles", groupId = "accuracy-review-profiles-${random.uuid}",
                topics = Topics.REVIEWER_PROFILES, properties = {"auto.offset.reset=earliest"})
        void on(ConsumerRecord<String, Object> record) {
            if (record.value() instanceof ReviewerProfile profile) {
                conflicts.apply(profile);
            }
        }
    }
}
