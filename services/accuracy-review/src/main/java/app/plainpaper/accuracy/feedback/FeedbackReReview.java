package app.plainpaper.accuracy.feedback;

import app.plainpaper.events.EventType;
import app.plainpaper.events.ReaderFeedback;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.SummarySnapshots;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends a published summary back to the editors' queue when its readers' feedback turns negative. Only a summary
 * that is PUBLISHED now can be sent back, so each crossing sends it back once; once it is published again, the count
 * starts afresh from that publication.
 */
public final class FeedbackReReview {

    private final FeedbackTally tally;
    private final SummarySnapshots snapshots;
    private final EventSuccession succession;

    public FeedbackReReview(FeedbackTally tally, SummarySnapshots snapshots, EventSuccession succession) {
        this.tally = tally;
        this.snapshots = snapshots;
        this.succession = succession;
    }

    /** Counts an answer read back from the log on start (no decision). */
    public void remember(ReaderFeedback feedback) {
        tally.record(feedback.getSummaryId(), feedback.getFeedbackId(), feedback.getHelpful(), feedback.getReceivedAt());
    }

    /** The answers counted since the summary's current publication (all of them if it is not known here). */
    public FeedbackTally.Counts counts(String summaryId) {
        return tally.counts(summaryId, snapshots.current(summaryId).map(FeedbackReReview::latestPublication).orElse(Instant.EPOCH));
    }

    /** Counts a new answer; the SENT_BACK event (state EDITOR_REVIEW) if this crossed the threshold. */
    public Optional<SummaryEvent> on(ReaderFeedback feedback) {
        remember(feedback);
        Optional<SummaryEvent> current = snapshots.current(feedback.getSummaryId());
        if (current.isEmpty() || current.get().getState() != WorkflowState.PUBLISHED) {
            return Optional.empty();
        }
        SummaryEvent published = current.get();
        return tally.reReviewReason(published.getSummaryId(), latestPublication(published))
                .map(reason -> succession.after(published, EventType.SENT_BACK, WorkflowState.EDITOR_REVIEW, feedback.getFeedbackId())
                        .setReason(reason)
                        .build());
    }

    /** When the text readers answered about went live: its last update, or its first publication. */
    static Instant latestPublication(SummaryEvent event) {
        var publication = event.getPublication();
        if (publication == null) {
            return event.getOccurredAt();
        }
        return publication.getUpdatedAt() != null ? publication.getUpdatedAt() : publication.getPublishedAt();
    }
}
