package app.plainpaper.desk.queues;

import java.time.Instant;
import java.util.List;

/**
 * One summary waiting in a queue.
 *
 * @param reasonKind why it is there: new-draft, new-revision, changes-requested (by a clinical reviewer),
 *                   compliance-failed, sent-back (reader feedback, a paper notice), editor-approved
 * @param reason     the reason the event that put it there gave, or the blockers holding it back
 */
public record QueueItem(String queue, String summaryId, String title, String state, int revision, List<String> categories,
        Instant waitingSince, long waitingSeconds, boolean overdue, Instant dueAt, String claimedBy, String claimedByName,
        long blockers, String reasonKind, String reason, long sequence) {
}
