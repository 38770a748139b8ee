package app.plainpaper.desk.kafka;

import app.plainpaper.desk.access.LoginAttempts;
import app.plainpaper.desk.activity.DeskActivities;
import app.plainpaper.desk.profiles.ReviewerProfiles;
import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.DeskAudit;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.pipeline.Topics;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Writes the desk's own records (claims, comments, profiles, logins) to their topics and, once Kafka has them,
 * applies them to the read models. The desk is their only writer; on start the models are replayed from the topics.
 */
public class DeskRecords {

    private final KafkaTemplate<Object, Object> kafka;
    private final DeskActivities activities;
    private final ReviewerProfiles profiles;
    private final LoginAttempts attempts;

    DeskRecords(KafkaTemplate<Object, Object> kafka, DeskActivities activities, ReviewerProfiles profiles, LoginAttempts attempts) {
        this.kafka = kafka;
        this.activities = activities;
        this.profiles = profiles;
        this.attempts = attempts;
    }

    public void activity(DeskActivity activity) {
        send(Topics.DESK_ACTIVITY, activity.getSummaryId(), activity);
        activities.apply(activity);
    }

    public void profile(ReviewerProfile profile) {
        send(Topics.REVIEWER_PROFILES, profile.getUsername(), profile);
        profiles.apply(profile);
    }

    /** @return until when the account is locked, if this record locked it */
    public Optional<Instant> audit(DeskAudit audit) {
        send(Topics.DESK_AUDIT, audit.getUsername(), audit);
        return attempts.apply(audit);
    }

    private void send(String topic, String key, Object value) {
        try {
            kafka.executeInTransaction(t -> t.send(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic + ": " + e.getMessage(), e);
        }
    }
}
