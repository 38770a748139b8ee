package app.plainpaper.publishingservice.feedback;

import app.plainpaper.events.EncryptedText;
import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.publishingservice.personaldata.DataKeyring;
import app.plainpaper.publishingservice.personaldata.ReaderRecords;
import app.plainpaper.publishingservice.readerapi.PublishedSummaries;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records one answer as a {@code reader.feedback} event. A comment may hold health details, so it goes to the log only
 * encrypted under a key of its own, written in the same transaction to reader.data-keys: erasing that key erases it.
 * The reader gets a token to do that themselves ({@link CommentErasure}).
 */
public final class FeedbackIntake {

    private final PublishedSummaries summaries;
    private final DataKeyring keyring;
    private final ReaderRecords records;
    private final CommentErasure erasure;
    private final Clock clock;

    public FeedbackIntake(PublishedSummaries summaries, DataKeyring keyring, ReaderRecords records, CommentErasure erasure,
            Clock clock) {
        this.summaries = summaries;
        this.keyring = keyring;
        this.records = records;
        this.erasure = erasure;
        this.clock = clock;
    }

    /**
     * @param feedback     the recorded event
     * @param erasureToken the token that erases its comment (given to the reader once), or null without a comment
     */
    public record Recorded(ReaderFeedback feedback, String erasureToken) {
    }

    /** @return the recorded event, or empty when no such summary is live */
    public Optional<Recorded> record(FeedbackForm.Answer answer) {
        var summary = summaries.find(answer.summaryId());
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        String feedbackId = UUID.randomUUID().toString();
        var now = clock.instant();
        List<ReaderRecords.Entry> entries = new ArrayList<>();
        EncryptedText comment = null;
        DataKeyring.NewKey key = null;
        CommentErasure.Issued erasureToken = null;
        if (answer.comment() != null) {
            key = keyring.create("comment-" + feedbackId, "feedback-comment", now);
            comment = key.encrypt(answer.comment());
            erasureToken = CommentErasure.issue();
            entries.add(new ReaderRecords.Entry(Topics.DATA_KEYS, key.record().getKeyId(), key.record(), erasureToken.header()));
        }
        ReaderFeedback feedback = ReaderFeedback.newBuilder()
                .setFeedbackId(feedbackId)
                .setSummaryId(answer.summaryId())
                .setHelpful(answer.helpful())
                .setComment(comment)
                .setPageUrl(summary.get().url())
                .setReceivedAt(now)
                .setCorrelationId(feedbackId)
                .build();
        entries.add(new ReaderRecords.Entry(Topics.READER_FEEDBACK, answer.summaryId(), feedback));
        records.write(entries);
        if (key != null) {
            keyring.remember(key);
            erasure.remember(key.record().getKeyId(), erasureToken.tokenHash());
        }
        return Optional.of(new Recorded(feedback, erasureToken == null ? null : erasureToken.token()));
    }
}
