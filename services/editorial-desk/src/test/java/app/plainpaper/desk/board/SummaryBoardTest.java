package app.plainpaper.desk.board;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static app.plainpaper.desk.SummaryEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

class SummaryBoardTest {

    private final List<SummaryEvent> journey = List.of(
            event("s1", 1, 0, EventType.PAPER_INGESTED, WorkflowState.INGESTED),
            event("s1", 2, 1, EventType.DRAFT_WRITTEN, WorkflowState.DRAFTING),
            event("s1", 3, 1, EventType.COMPLIANCE_ADVISED, WorkflowState.DRAFTING),
            event("s1", 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW),
            event("s1", 5, 1, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW));

    @Test
    void eventsDeliveredInAnyOrderLeaveTheNewestState() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<SummaryEvent> shuffled = new ArrayList<>(journey);
            Collections.shuffle(shuffled, random);
            SummaryBoard board = new SummaryBoard();
            shuffled.forEach(board::apply);

            SummaryCard card = board.find("s1").orElseThrow();
            assertThat(card.current().getSequence()).isEqualTo(5);
            assertThat(card.current().getState()).isEqualTo(WorkflowState.CLINICAL_REVIEW);
            assertThat(card.history()).extracting(SummaryEvent::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(board.inState(WorkflowState.CLINICAL_REVIEW)).hasSize(1);
            assertThat(board.inState(WorkflowState.EDITOR_REVIEW)).isEmpty();
        }
    }

    @Test
    void aLateOlderEventDoesNotPullTheSummaryBack() {
        SummaryBoard board = new SummaryBoard();
        board.apply(journey.get(4));
        board.apply(journey.get(3));
        assertThat(board.find("s1").orElseThrow().current().getState()).isEqualTo(WorkflowState.CLINICAL_REVIEW);
    }

    @Test
    void aRedeliveredEventJoinsTheHistoryOnce() {
        SummaryBoard board = new SummaryBoard();
        journey.forEach(board::apply);
        journey.forEach(board::apply);
        assertThat(board.find("s1").orElseThrow().history()).hasSize(5);
    }

    @Test
    void aRefusalAddsHistoryButKeepsTheState() {
        SummaryBoard board = new SummaryBoard();
        journey.subList(0, 4).forEach(board::apply);
        board.apply(event("s1", 4, 1, EventType.DECISION_REFUSED, WorkflowState.EDITOR_REVIEW));
        SummaryCard card = board.find("s1").orElseThrow();
        assertThat(card.current().getType()).isEqualTo(EventType.ACCURACY_CHECKED);
        assertThat(card.history()).extracting(SummaryEvent::getType).contains(EventType.DECISION_REFUSED);
    }

    @Test
    void queuesAreOldestFirst() {
        SummaryBoard board = new SummaryBoard();
        board.apply(event("late", 9, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW));
        board.apply(event("early", 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW));
        assertThat(board.inState(WorkflowState.EDITOR_REVIEW)).extracting(SummaryCard::summaryId).containsExactly("early", "late");
    }
}
