package app.plainpaper.desk.feedback;

import app.plainpaper.events.ReaderFeedback;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Readers' answers per summary, as reader.feedback holds them; comments stay encrypted until an editor reads them. */
public final class FeedbackBoard {

    /** What the editors see of one summary's feedback. */
    public record View(String summaryId, int yes, int no, List<Comment> comments) {
    }

    /** @param text null when the comment's key was erased; then {@code erased} is true */
    public record Comment(String feedbackId, boolean helpful, Instant receivedAt, String text, boolean erased) {
    }

    private final Map<String, Map<String, ReaderFeedback>> bySummary = new ConcurrentHashMap<>();

    public void apply(ReaderFeedback feedback) {
        bySummary.computeIfAbsent(feedback.getSummaryId(), id -> new ConcurrentHashMap<>())
                .putIfAbsent(feedback.getFeedbackId(), feedback);
    }

    public View view(String summaryId, CommentKeys keys) {
        var answers = bySummary.getOrDefault(summaryId, Map.of()).values();
        int yes = (int) answers.stream().filter(ReaderFeedback::getHelpful).count();
        List<Comment> comments = answers.stream().filter(f -> f.getComment() != null)
                .sorted(Comparator.comparing(ReaderFeedback::getReceivedAt).reversed().thenComparing(ReaderFeedback::getFeedbackId))
                .map(f -> {
                    String text = keys.decrypt(f.getComment()).orElse(null);
                    return new Comment(f.getFeedbackId(), f.getHelpful(), f.getReceivedAt(), text, text == null);
                })
                .toList();
        return new View(summaryId, yes, answers.size() - yes, comments);
    }
}
