package app.plainpaper.desk.people;

import app.plainpaper.pipeline.Topics;
import app.plainpaper.pipeline.kafka.EventLog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Seeds configured users' profiles once the desk is up, in the background: start never waits on Kafka for it, and a
 * write that fails (Kafka or the registry away) is tried again later, with a growing pause, a bounded number of times.
 * <p>
 * It runs after the {@code ReviewerProfiles} bean exists, which is only once that model has been replayed to the
 * end offsets the topic had at start. Before each attempt it also reads which users have a record on the topic by key
 * alone (no registry needed), so that records the replay could not decode never count as "no profile".
 */
public class ProfileSeeding implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProfileSeeding.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final ReviewerDirectory directory;
    private final Map<String, Object> consumerConfig;
    private final Duration firstPause;
    private final Duration longestPause;
    private final int attempts;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "profile-seeding");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean done;

    /**
     * @param firstPause   pause after the first failed attempt; doubled after each further one, up to {@code longestPause}
     * @param attempts     how many attempts before giving up (logged as an error)
     */
    public ProfileSeeding(ReviewerDirectory directory, Map<String, Object> consumerConfig, Duration firstPause,
            Duration longestPause, int attempts) {
        this.directory = directory;
        this.consumerConfig = consumerConfig;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.attempts = attempts;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        worker.execute(() -> attempt(1, firstPause));
    }

    /** True once every configured user had a profile, whether seeded now or found. */
    public boolean done() {
        return done;
    }

    private void attempt(int attempt, Duration pause) {
        try {
            List<String> seeded = directory.seedMissing(usersOnTopic());
            done = true;
            log.info("Reviewer profiles seeded from configuration for {}", seeded.isEmpty() ? "nobody (all had one)" : seeded);
        } catch (RuntimeException e) {
            if (worker.isShutdown()) {
                return;
            }
            if (attempt >= attempts) {
                log.error("Gave up seeding reviewer profiles after {} attempts; configured credentials and conflicts are "
                        + "not published until the desk restarts or the profiles are edited: {}", attempt, e.toString());
                return;
            }
            log.warn("Could not seed reviewer profiles (attempt {} of {}), trying again in {}: {}", attempt, attempts, pause,
                    e.toString());
            Duration next = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            worker.schedule(() -> attempt(attempt + 1, next), pause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Users with a record on the topic (tombstones aside), by key: undecodable values still count. */
    private Set<String> usersOnTopic() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Set<String> users = new HashSet<>();
        EventLog.replay(config, List.of(Topics.REVIEWER_PROFILES), READ_TIMEOUT, record -> users.add(String.valueOf(record.key())));
        return users;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
