package app.plainpaper.desk.queues;

import app.plainpaper.desk.activity.DeskActivities;
import app.plainpaper.desk.board.SummaryBoard;
import app.plainpaper.desk.board.SummaryCard;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The queues as people see them: filtered, sorted by age, with deadlines, claims and why each item is there. */
public class DeskQueues {

    private final SummaryBoard board;
    private final DeskActivities activities;
    private final Map<DeskQueue, Duration> deadlines;
    private final Clock clock;

    public DeskQueues(SummaryBoard board, DeskActivities activities, Map<DeskQueue, Duration> deadlines, Clock clock) {
        this.board = board;
        this.activities = activities;
        this.deadlines = Map.copyOf(deadlines);
        this.clock = clock;
    }

    public List<QueueItem> list(DeskQueue queue, QueueFilter filter, String me) {
        Comparator<QueueItem> byAge = Comparator.comparing(QueueItem::waitingSince).thenComparing(QueueItem::summaryId);
        return board.inState(queue.state()).stream()
                .map(card -> item(queue, card))
                .filter(item -> matches(item, filter, me))
                .sorted(filter.newestFirst() ? byAge.reversed() : byAge)
                .toList();
    }

    /** The item a summary makes in its queue now, if it is in one. */
    public Optional<QueueItem> item(String summaryId) {
        return board.find(summaryId).flatMap(card -> DeskQueue.holding(card.current().getState()).map(q -> item(q, card)));
    }

    /** Who holds the summary in the queue it is in now, if anyone. */
    public Optional<DeskActivities.Claim> claim(String summaryId) {
        return board.find(summaryId).flatMap(card -> DeskQueue.holding(card.current().getState()).flatMap(q -> claim(q, card)));
    }

    /**
     * A claim holds while the summary stays with the queue it was claimed in: a redraft in between keeps it, a move
     * to the other queue or out of review ends it.
     */
    Optional<DeskActivities.Claim> claim(DeskQueue queue, SummaryCard card) {
        return activities.claim(card.summaryId()).filter(claim -> {
            WorkflowState claimedIn = null;
            for (SummaryEvent event : card.history()) {
                if (event.getType() == EventType.DECISION_REFUSED) {
                    continue;
                }
                if (!event.getOccurredAt().isAfter(claim.since())) {
                    claimedIn = event.getState();
                } else if (event.getState() != queue.state() && event.getState() != WorkflowState.DRAFTING) {
                    return false;
                }
            }
            return claimedIn == queue.state() || claimedIn == null;
        });
    }

    /** Per queue: total, overdue, unassigned, claimed by me, with open blockers. */
    public Map<String, Map<String, Long>> counts(String me) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (DeskQueue queue : DeskQueue.values()) {
            List<QueueItem> items = list(queue, QueueFilter.ALL, me);
            Map<String, Long> figures = new LinkedHashMap<>();
            figures.put("total", (long) items.size());
            figures.put("overdue", items.stream().filter(QueueItem::overdue).count());
            figures.put("unassigned", items.stream().filter(i -> i.claimedBy() == null).count());
            figures.put("mine", items.stream().filter(i -> me != null && me.equals(i.claimedBy())).count());
            figures.put("withBlockers", items.stream().filter(i -> i.blockers() > 0).count());
            counts.put(queue.id(), figures);
        }
        return counts;
    }

    QueueItem item(DeskQueue queue, SummaryCard card) {
        SummaryEvent current = card.current();
        Instant since = card.waitingSince();
        Instant now = clock.instant();
        Duration deadline = deadlines.get(queue);
        Instant due = deadline == null ? null : since.plus(deadline);
        var claim = claim(queue, card);
        SummaryEvent entry = entry(card);
        String reason = current.getReason() != null ? current.getReason() : entry.getReason();
        return new QueueItem(queue.id(), current.getSummaryId(), current.getPaper().getTitle(), state(current),
                current.getRevision(), current.getDraft() == null ? List.of() : List.copyOf(current.getDraft().getCategories()),
                since, Math.max(0, Duration.between(since, now).toSeconds()), due != null && now.isAfter(due), due,
                claim.map(DeskActivities.Claim::username).orElse(null), claim.map(DeskActivities.Claim::displayName).orElse(null),
                openBlockers(current), kind(queue, entry, current), reason, current.getSequence());
    }

    /** The newest event that says why the summary came to the desk: a send-back, an approval, or a draft. */
    static SummaryEvent entry(SummaryCard card) {
        List<SummaryEvent> history = card.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            SummaryEvent event = history.get(i);
            if (reasonKind(event) != null) {
                return event;
            }
        }
        return card.current();
    }

    private static String kind(DeskQueue queue, SummaryEvent entry, SummaryEvent current) {
        String kind = reasonKind(entry);
        if (kind != null) {
            return kind;
        }
        return queue == DeskQueue.CLINICAL ? "editor-approved" : current.getRevision() <= 1 ? "new-draft" : "new-revision";
    }

    static String reasonKind(SummaryEvent event) {
        EventType type = event.getType();
        return switch (type) {
            case CHANGES_REQUESTED -> "changes-requested";
            case COMPLIANCE_FAILED -> "compliance-failed";
            case SENT_BACK -> "sent-back";
            case EDITOR_APPROVED -> "editor-approved";
            case DRAFT_WRITTEN -> event.getRevision() <= 1 ? "new-draft" : "new-revision";
            default -> null;
        };
    }

    static long openBlockers(SummaryEvent event) {
        return event.getFindings().stream().filter(f -> f.getSeverity() == Severity.BLOCKER && f.getResolution() == null).count();
    }

    static String state(SummaryEvent event) {
        return event.getState().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean matches(QueueItem item, QueueFilter filter, String me) {
        if (filter.category() != null && !filter.category().isBlank()
                && item.categories().stream().noneMatch(c -> c.equalsIgnoreCase(filter.category().strip()))) {
            return false;
        }
        if (filter.state() != null && !filter.state().isBlank() && !item.state().equalsIgnoreCase(filter.state().strip())) {
            return false;
        }
        if (filter.blockers() != null && filter.blockers() != (item.blockers() > 0)) {
            return false;
        }
        String assignee = filter.assignee() == null ? "" : filter.assignee().strip();
        return switch (assignee) {
            case "" -> true;
            case "me" -> me != null && me.equals(item.claimedBy());
            case "unassigned" -> item.claimedBy() == null;
            default -> assignee.equals(item.claimedBy());
        };
    }
}
