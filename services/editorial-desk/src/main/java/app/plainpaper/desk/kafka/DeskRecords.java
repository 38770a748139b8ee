package app.plainpaper.desk.kafka;

import app.plainpaper.desk.access.LoginAttempts;
import app.plainpaper.desk.activity.DeskActivities;
import app.plainpaper.desk.profiles.ReviewerProfiles;
import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.DeskAudit;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.ReviewerProfile;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.OutageAwareAfterRollback;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the desk's own records (claims, comments, profiles, logins) to their topics and, once Kafka has them,
 * applies them to the read models. The desk is their only writer; on start the models are replayed from the topics.
 * People's decisions go out here too, as commands for the review workflow. Every write is one Kafka transaction: when
 * it fails nothing is applied, and a failure caused by Kafka or the registry being unavailable is a
 * {@link KafkaUnavailable}.
 */
public class DeskRecords {

    private final KafkaTemplate<Object, Object> kafka;
    private final DeskActivities activities;
    private final ReviewerProfiles profiles;
    private final LoginAttempts attempts;
    private final JourneyTraces traces;

    DeskRecords(KafkaTemplate<Object, Object> kafka, DeskActivities activities, ReviewerProfiles profiles, LoginAttempts attempts,
            JourneyTraces traces) {
        this.kafka = kafka;
        this.activities = activities;
        this.profiles = profiles;
        this.attempts = attempts;
        this.traces = traces;
    }

    /** A person's decision, sent within the summary's journey trace; the desk's model changes when the workflow answers. */
    public void command(EditorialCommand command) {
        try {
            traces.continueJourney(command.getSummaryId(), () -> {
                send(Topics.COMMANDS, command.getSummaryId(), command);
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the command for " + command.getSummaryId(), e);
        }
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
            if (e instanceof TimeoutException || OutageAwareAfterRollback.isOutage(e)) {
                throw new KafkaUnavailable(topic, e);
            }
            throw new IllegalStateException("Could not write to " + topic + ": " + e.getMessage(), e);
        }
    }
}
