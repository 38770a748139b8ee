package app.plainpaper.pipeline;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummarySnapshotsTest {

    final EventSuccession succession = new EventSuccession(Clock.fixed(Instant.parse("2025-03-02T09:00:00Z"), ZoneOffset.UTC), "drafting");
    final SummaryEvent ingested = Events.ingested();
    final SummaryEvent drafted = succession.after(ingested, EventType.DRAFT_WRITTEN, WorkflowState.EDITOR_REVIEW).build();
    /** An editor's decision refused against the drafted state: same sequence, only history added. */
    final SummaryEvent refused = SummaryEvent.newBuilder(
                    succession.after(drafted, EventType.DECISION_REFUSED, drafted.getState(), "command-1").build())
            .setSequence(drafted.getSequence())
            .setReason("Revision 0 is not the current revision.")
            .build();
    final SummaryEvent approved = succession.after(drafted, EventType.EDITOR_APPROVED, WorkflowState.CLINICAL_REVIEW, "command-2").build();

    @Test
    void aNewerEventReplacesTheStateAndAnOlderOneDoesNot() {
        var snapshots = new SummarySnapshots();

        assertThat(snapshots.apply(drafted)).isTrue();
        assertThat(snapshots.apply(ingested)).isFalse();
        assertThat(snapshots.apply(drafted)).isFalse();

        assertThat(snapshots.current(ingested.getSummaryId())).contains(drafted);
        assertThat(snapshots.seen(ingested.getEventId())).isTrue();
        assertThat(snapshots.size()).isEqualTo(1);
    }

    @Test
    void aRefusalNeverReplacesTheStateItWasJudgedAgainst() {
        var snapshots = new SummarySnapshots();

        snapshots.apply(drafted);
        assertThat(snapshots.apply(refused)).isFalse();

        assertThat(snapshots.current(drafted.getSummaryId())).contains(drafted);
        assertThat(snapshots.handled("command-1")).isTrue();
    }

    @Test
    void aRefusalThatArrivesFirstStandsInUntilItsStateArrives() {
        var snapshots = new SummarySnapshots();

        snapshots.apply(ingested);
        assertThat(snapshots.apply(refused)).isTrue();
        assertThat(snapshots.current(ingested.getSummaryId()).orElseThrow().getState()).isEqualTo(WorkflowState.EDITOR_REVIEW);

        assertThat(snapshots.apply(drafted)).isTrue();
        assertThat(snapshots.current(ingested.getSummaryId())).contains(drafted);
    }

    @Test
    void everyDeliveryOrderEndsInTheSameState() {
        List<SummaryEvent> events = List.of(ingested, drafted, refused, approved);
        List<List<SummaryEvent>> orders = permutations(events);
        assertThat(orders).hasSize(24);

        for (List<SummaryEvent> order : orders) {
            var snapshots = new SummarySnapshots();
            order.forEach(snapshots::apply);
            assertThat(snapshots.current(ingested.getSummaryId())).as("after %s", types(order)).contains(approved);
            assertThat(snapshots.handled("command-1")).isTrue();
            assertThat(snapshots.handled("command-2")).isTrue();
            assertThat(snapshots.handled(ingested.getEventId())).isTrue();
            assertThat(snapshots.handled(approved.getEventId())).isFalse();
        }
        for (List<SummaryEvent> order : permutations(List.of(ingested, drafted, refused))) {
            var snapshots = new SummarySnapshots();
            order.forEach(snapshots::apply);
            assertThat(snapshots.current(ingested.getSummaryId())).as("after %s", types(order)).contains(drafted);
        }
    }

    @Test
    void summariesAreKeptApart() {
        var snapshots = new SummarySnapshots();
        SummaryEvent other = Events.ingested();

        snapshots.apply(drafted);
        snapshots.apply(other);

        assertThat(snapshots.current(other.getSummaryId())).contains(other);
        assertThat(snapshots.current(drafted.getSummaryId())).contains(drafted);
        assertThat(snapshots.current("unknown")).isEmpty();
        assertThat(snapshots.size()).isEqualTo(2);
    }

    private static List<EventType> types(List<SummaryEvent> events) {
        return events.stream().map(SummaryEvent::getType).toList();
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
