package app.plainpaper.publishingservice.readerapi;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summaries live on the site, as summary.published, summary.unpublished and summary.retracted say: feedback is
 * taken only for them, and the digest lists them.
 */
public final class PublishedSummaries {

    /** One live summary. */
    public record Live(String summaryId, String title, String url, Instant publishedAt, long sequence) {
    }

    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    /** A publication (first or update); older or repeated events change nothing. */
    public void published(String summaryId, long sequence, String title, String url, Instant publishedAt) {
        if (newer(summaryId, sequence)) {
            live.put(summaryId, new Live(summaryId, title, url, publishedAt, sequence));
        }
    }

    /** Unpublished or retracted: no longer takes feedback nor goes into digests. */
    public void withdrawn(String summaryId, long sequence) {
        if (newer(summaryId, sequence)) {
            live.remove(summaryId);
        }
    }

    private boolean newer(String summaryId, long sequence) {
        Long held = sequences.get(summaryId);
        if (held != null && held >= sequence) {
            return false;
        }
        sequences.put(summaryId, sequence);
        return true;
    }

    public Optional<Live> find(String summaryId) {
        return Optional.ofNullable(live.get(summaryId));
    }

    /** First published after {@code since} (exclusive) and at or before {@code until}, oldest first. */
    public List<Live> publishedBetween(Instant since, Instant until) {
        return live.values().stream()
                .filter(s -> s.publishedAt().isAfter(since) && !s.publishedAt().isAfter(until))
                .sorted(Comparator.comparing(Live::publishedAt).thenComparing(Live::summaryId))
                .toList();
    }
}
