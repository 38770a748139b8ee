package app.plainpaper.desk.queues;

import app.plainpaper.desk.activity.DeskActivities;
import app.plainpaper.desk.board.SummaryBoard;
import app.plainpaper.events.Actor;
import app.plainpaper.events.Checker;
import app.plainpaper.events.DeskActivity;
import app.plainpaper.events.DeskActivityKind;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Finding;
import app.plainpaper.events.Role;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.plainpaper.desk.SummaryEvents.event;
import static app.plainpaper.desk.SummaryEvents.withDraft;
import static org.assertj.core.api.Assertions.assertThat;

class DeskQueuesTest {

    // SummaryEvents times events at 2026-11-20T10:00:00Z + sequence seconds.
    static final Instant NOW = Instant.parse("2026-11-22T11:00:00Z");
    final SummaryBoard board = new SummaryBoard();
    final DeskActivities activities = new DeskActivities();
    final DeskQueues queues = new DeskQueues(board, activities, Map.of(DeskQueue.EDITOR, Duration.ofHours(48)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void itemsWaitOldestFirstWithTheirAgeAndTheOverdueOnesFlagged() {
        board.apply(withDraft(event("new", 3000, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW), "x", List.of("pain")));
        board.apply(withDraft(event("old", 10, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW), "x", List.of("bladder")));
        board.apply(event("elsewhere", 20, 1, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW));

        List<QueueItem> items = queues.list(DeskQueue.EDITOR, QueueFilter.ALL, "erin");
        assertThat(items).extracting(QueueItem::summaryId).containsExactly("old", "new");
        // "old" waited since 2026-11-20T10:00:10Z: 49 hours minus 10 seconds, past the 48-hour deadline.
        assertThat(items.get(0).waitingSeconds()).isEqualTo(Duration.ofHours(49).minusSeconds(10).toSeconds());
        assertThat(items.get(0).overdue()).isTrue();
        assertThat(items.get(1).overdue()).isTrue();
        assertThat(queues.list(DeskQueue.EDITOR, new QueueFilter(null, null, null, null, true), "erin"))
                .extracting(QueueItem::summaryId).containsExactly("new", "old");
        assertThat(queues.list(DeskQueue.EDITOR, new QueueFilter("Pain", null, null, null, false), "erin"))
                .extracting(QueueItem::summaryId).containsExactly("new");
        // No deadline configured for the clinical queue: nothing there is overdue.
        assertThat(queues.list(DeskQueue.CLINICAL, QueueFilter.ALL, "erin")).singleElement()
                .satisfies(item -> assertThat(item.overdue()).isFalse());
    }

    @Test
    void itemsSayWhyTheyAreThere() {
        board.apply(event("fresh", 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW));
        board.apply(event("back", 5, 1, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW));
        board.apply(SummaryEvent.newBuilder(event("back", 6, 1, EventType.CHANGES_REQUESTED, WorkflowState.EDITOR_REVIEW))
                .setReason("Changes requested by clinical reviewer Dr Casey: say healthy controls").build());
        board.apply(SummaryEvent.newBuilder(event("failed", 9, 2, EventType.COMPLIANCE_FAILED, WorkflowState.EDITOR_REVIEW))
                .setReason("Compliance: the disclaimer is missing").build());
        board.apply(event("redrafted", 11, 2, EventType.DRAFT_WRITTEN, WorkflowState.DRAFTING));
        board.apply(event("redrafted", 13, 2, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW));

        Map<String, QueueItem> items = byId(queues.list(DeskQueue.EDITOR, QueueFilter.ALL, null));
        assertThat(items.get("fresh").reasonKind()).isEqualTo("new-draft");
        assertThat(items.get("back").reasonKind()).isEqualTo("changes-requested");
        assertThat(items.get("back").reason()).contains("say healthy controls");
        assertThat(items.get("failed").reasonKind()).isEqualTo("compliance-failed");
        assertThat(items.get("failed").reason()).contains("disclaimer");
        assertThat(items.get("redrafted").reasonKind()).isEqualTo("new-revision");
    }

    @Test
    void filtersByBlockersAndAssigneeAndClaimsEndWhenTheItemMovesOn() {
        Finding blocker = Finding.newBuilder().setFindingId("f1").setRuleId("r").setChecker(Checker.ACCURACY)
                .setSeverity(Severity.BLOCKER).setMessage("40 vs 30").setRevision(1).build();
        board.apply(SummaryEvent.newBuilder(event("blocked", 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW))
                .setFindings(List.of(blocker)).build());
        board.apply(event("clear", 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW));
        activities.apply(claim("clear", "erin", DeskActivityKind.CLAIMED, 100));

        assertThat(queues.list(DeskQueue.EDITOR, new QueueFilter(null, null, null, true, false), "erin"))
                .extracting(QueueItem::summaryId).containsExactly("blocked");
        assertThat(queues.list(DeskQueue.EDITOR, new QueueFilter(null, null, null, false, false), "erin"))
                .extracting(QueueItem::summaryId).containsExactly("clear");
        assertThat(queues.list(DeskQueue.EDITOR, new QueueFilter(null, null, "me", null, false), "erin"))
                .extracting(QueueItem::summaryId).containsExactly("clear");
        assertThat(queues.list(DeskQueue.EDITOR, new QueueFilter(null, null, "unassigned", null, false), "erin"))
                .extracting(QueueItem::summaryId).containsExactly("blocked");
        assertThat(queues.list(DeskQueue.EDITOR, new QueueFilter(null, null, "erin", null, false), "casey"))
                .extracting(QueueItem::summaryId).containsExactly("clear");
        assertThat(queues.counts("erin").get("editor")).containsEntry("total", 2L).containsEntry("mine", 1L)
                .containsEntry("unassigned", 1L).containsEntry("withBlockers", 1L);

        // Approved into clinical review: the editor's claim does not follow it there.
        board.apply(event("clear", 200, 1, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW));
        assertThat(queues.claim("clear")).isEmpty();
        assertThat(queues.list(DeskQueue.CLINICAL, QueueFilter.ALL, "erin")).singleElement()
                .satisfies(item -> assertThat(item.claimedBy()).isNull());
    }

    @Test
    void aReleaseEndsTheClaim() {
        board.apply(event("s", 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW));
        activities.apply(claim("s", "erin", DeskActivityKind.CLAIMED, 100));
        assertThat(queues.claim("s")).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("erin"));
        activities.apply(claim("s", "erin", DeskActivityKind.RELEASED, 110));
        assertThat(queues.claim("s")).isEmpty();
    }

    static DeskActivity claim(String summaryId, String user, DeskActivityKind kind, int second) {
        return DeskActivity.newBuilder().setActivityId(UUID.randomUUID().toString()).setSummaryId(summaryId).setRevision(1)
                .setKind(kind).setActor(Actor.newBuilder().setId(user).setRole(Role.EDITOR).setDisplayName(user).build())
                .setAt(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(second)).build();
    }

    private static Map<String, QueueItem> byId(List<QueueItem> items) {
        return items.stream().collect(java.util.stream.Collectors.toMap(QueueItem::summaryId, i -> i));
    }
}
