package app.plainpaper.ingestion.searches;

import app.plainpaper.events.SavedSearch;
import app.plainpaper.pipeline.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The saved searches and where each stopped. The compacted topic ingestion.saved-searches is the store: every
 * change is written there first, and the map is rebuilt from it (tombstones included) on start.
 */
public class SavedSearches {

    private static final Logger log = LoggerFactory.getLogger(SavedSearches.class);

    private final Map<String, SavedSearch> searches = new LinkedHashMap<>();
    private final KafkaTemplate<Object, Object> kafka;

    public SavedSearches(KafkaTemplate<Object, Object> kafka) {
        this.kafka = kafka;
    }

    /** Reads the topic to its end; a tombstone (null value) removes the search (EventLog skips tombstones, so not EventLog). */
    public synchronized void rebuild(Map<String, Object> consumerConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<Object, Object>(config)) {
            var infos = consumer.listTopics(timeout).get(Topics.SAVED_SEARCHES);
            if (infos == null) {
                return;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + Topics.SAVED_SEARCHES + " to its end within " + timeout);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    String id = String.valueOf(record.key());
                    if (record.value() instanceof SavedSearch search) {
                        searches.put(id, search);
                    } else if (record.value() == null && record.headers().lastHeader(org.springframework.kafka.support.KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
                        searches.remove(id);
                    }
                }
            }
        }
        log.info("{} saved searches rebuilt from {}", searches.size(), Topics.SAVED_SEARCHES);
    }

    /** Written to the topic before it is held here, so a crash never leaves a search the topic does not have. */
    public synchronized SavedSearch save(SavedSearch search) {
        send(search.getSearchId(), search);
        searches.put(search.getSearchId(), search);
        return search;
    }

    public synchronized boolean delete(String searchId) {
        if (!searches.containsKey(searchId)) {
            return false;
        }
        send(searchId, null);
        searches.remove(searchId);
        return true;
    }

    public synchronized Optional<SavedSearch> find(String searchId) {
        return Optional.ofNullable(searches.get(searchId));
    }

    public synchronized List<SavedSearch> all() {
        List<SavedSearch> out = new ArrayList<>(searches.values());
        out.sort(Comparator.comparing(SavedSearch::getCreatedAt));
        return out;
    }

    private void send(String key, SavedSearch value) {
        try {
            kafka.executeInTransaction(t -> t.send(Topics.SAVED_SEARCHES, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving the search", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not save the search in Kafka: " + e.getMessage(), e);
        }
    }
}
