package app.plainpaper.accuracy.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readers' yes/no answers per summary, counted since the summary's latest publication (a corrected page starts
 * afresh). Each answer counts once, however often it is read again.
 */
public final class FeedbackTally {

    /** Re-review when at least {@code minAnswers} answered and more than {@code maxNoShare} of them said no. */
    public record Threshold(int minAnswers, double maxNoShare) {
        public Threshold {
            if (minAnswers < 1 || maxNoShare < 0 || maxNoShare >= 1) {
                throw new IllegalArgumentException("minAnswers >= 1 and 0 <= maxNoShare < 1");
            }
        }
    }

    public record Counts(int yes, int no) {
        public int total() {
            return yes + no;
        }
    }

    private record Answer(boolean helpful, Instant receivedAt) {
    }

    private final Threshold threshold;
    private final Map<String, Map<String, Answer>> answers = new ConcurrentHashMap<>();

    public FeedbackTally(Threshold threshold) {
        this.threshold = threshold;
    }

    public void record(String summaryId, String feedbackId, boolean helpful, Instant receivedAt) {
        answers.computeIfAbsent(summaryId, id -> new ConcurrentHashMap<>()).putIfAbsent(feedbackId, new Answer(helpful, receivedAt));
    }

    /** Answers received at or after {@code since}. */
    public Counts counts(String summaryId, Instant since) {
        int yes = 0;
        int no = 0;
        for (Answer answer : answers.getOrDefault(summaryId, Map.of()).values()) {
            if (!answer.receivedAt().isBefore(since)) {
                if (answer.helpful()) {
                    yes++;
                } else {
                    no++;
                }
            }
        }
        return new Counts(yes, no);
    }

    /** The reason to send the summary back, if its feedback since {@code since} has turned negative. */
    public Optional<String> reReviewReason(String summaryId, Instant since) {
        Counts counts = counts(summaryId, since);
        if (counts.total() < threshold.minAnswers() || counts.no() <= threshold.maxNoShare() * counts.total()) {
            return Optional.empty();
        }
        return Optional.of("Readers found this unhelpful: " + counts.no() + " of " + counts.total() + " said no");
    }
}
