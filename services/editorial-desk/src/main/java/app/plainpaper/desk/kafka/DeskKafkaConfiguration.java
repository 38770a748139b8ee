package app.plainpaper.desk.kafka;

import app.plainpaper.desk.access.LoginAttempts;
import app.plainpaper.desk.activity.DeskActivities;
import app.plainpaper.desk.board.SummaryBoard;
import app.plainpaper.desk.people.DeskSettings;
import app.plainpaper.desk.profiles.ReviewerProfiles;
import app.plainpaper.desk.queues.DeskQueue;
import app.plainpaper.desk.queues.DeskQueues;
import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.DeskAudit;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeskSettings.class)
class DeskKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeskKafkaConfiguration.class);
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(60);

    @Bean
    SummaryBoard summaryBoard() {
        return new SummaryBoard();
    }

    /** Claims and comments, rebuilt from desk.activity before the desk serves anyone. */
    @Bean
    DeskActivities deskActivities(ConsumerFactory<?, ?> consumers) {
        DeskActivities activities = new DeskActivities();
        long count = EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.DESK_ACTIVITY), REPLAY_TIMEOUT,
                record -> {
                    if (record.value() instanceof DeskActivity activity) {
                        activities.apply(activity);
                    }
                });
        log.info("Desk activity rebuilt from {} records", count);
        return activities;
    }

    @Bean
    ReviewerProfiles reviewerProfiles(ConsumerFactory<?, ?> consumers) {
        ReviewerProfiles profiles = new ReviewerProfiles();
        long count = EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.REVIEWER_PROFILES), REPLAY_TIMEOUT,
                record -> {
                    if (record.value() instanceof ReviewerProfile profile) {
                        profiles.apply(profile);
                    }
                });
        log.info("Reviewer profiles rebuilt from {} records", count);
        return profiles;
    }

    /** Lockouts survive a restart: they are rebuilt from the audit of failed logins. */
    @Bean
    LoginAttempts loginAttempts(ConsumerFactory<?, ?> consumers, DeskSettings settings) {
        LoginAttempts attempts = new LoginAttempts(settings.loginLimits().maxFailures(), settings.loginLimits().lockFor());
        long count = EventLog.replay(consumers.getConfigurationProperties(), List.of(Topics.DESK_AUDIT), REPLAY_TIMEOUT,
                record -> {
                    if (record.value() instanceof DeskAudit audit) {
                        attempts.apply(audit);
                    }
                });
        log.info("Login attempts rebuilt from {} audit records", count);
        return attempts;
    }

    @Bean
    DeskRecords deskRecords(KafkaTemplate<Object, Object> kafka, DeskActivities activities, ReviewerProfiles profiles,
            LoginAttempts attempts, JourneyTraces traces) {
        return new DeskRecords(kafka, activities, profiles, attempts, traces);
    }

    @Bean
    DeskQueues deskQueues(SummaryBoard board, DeskActivities activities, DeskSettings settings, Clock clock) {
        Map<DeskQueue, Duration> deadlines = new EnumMap<>(DeskQueue.class);
        for (DeskQueue queue : DeskQueue.values()) {
            Duration deadline = settings.deadline().get(queue.id());
            if (deadline != null) {
                deadlines.put(queue, deadline);
            }
        }
        return new DeskQueues(board, activities, deadlines, clock);
    }

    @Bean
    JourneyTraces journeyTraces(Tracer tracer, Propagator propagator) {
        return new JourneyTraces(tracer, propagator);
    }

    @Bean
    BoardListener boardListener(SummaryBoard board, JourneyTraces traces) {
        return new BoardListener(board, traces);
    }
}
