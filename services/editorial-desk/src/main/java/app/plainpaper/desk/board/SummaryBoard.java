package app.plainpaper.desk.board;

import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The desk's read model, rebuilt from the event topics. Kafka orders events only within one partition of one topic,
 * so an event changes a summary's state only when its sequence is newer than the one held; every event, in any
 * order, joins the history once.
 */
public class SummaryBoard {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<Consumer<SummaryCard>> watchers = new CopyOnWriteArrayList<>();

    public void apply(SummaryEvent event) {
        boolean[] changed = {false};
        Entry updated = entries.compute(event.getSummaryId(), (id, entry) -> {
            Entry next = entry == null ? new Entry() : entry;
            changed[0] = next.add(event);
            return next;
        });
        if (changed[0]) {
            SummaryCard card = updated.card();
            watchers.forEach(watcher -> watcher.accept(card));
        }
    }

    /** Called after each event that changed a summary's current state (live queue updates). */
    public void watch(Consumer<SummaryCard> watcher) {
        watchers.add(watcher);
    }

    public List<SummaryCard> all() {
        return entries.values().stream().map(Entry::card).toList();
    }

    public Optional<SummaryCard> find(String summaryId) {
        Entry entry = entries.get(summaryId);
        return entry == null ? Optional.empty() : Optional.of(entry.card());
    }

    /** Oldest waiting first. */
    public List<SummaryCard> inState(WorkflowState state) {
        return entries.values().stream().map(Entry::card)
                .filter(card -> card.current().getState() == state)
                .sorted(Comparator.comparing(SummaryCard::waitingSince).thenComparing(SummaryCard::summaryId))
                .toList();
    }

    private static final class Entry {
        private SummaryEvent current;
        private Instant waitingSince;
        private final List<SummaryEvent> history = new ArrayList<>();

        /** @return whether the current state changed */
        synchronized boolean add(SummaryEvent event) {
            if (history.stream().anyMatch(e -> e.getEventId().equals(event.getEventId()))) {
                return false;
            }
            history.add(event);
            history.sort(Comparator.comparingLong(SummaryEvent::getSequence).thenComparing(SummaryEvent::getOccurredAt));
            if (current == null || event.getSequence() > current.getSequence()) {
                if (current == null || current.getState() != event.getState()) {
                    waitingSince = event.getOccurredAt();
                }
                current = event;
                return true;
            }
            return false;
        }

        synchronized SummaryCard card() {
            return new SummaryCard(current, waitingSince, List.copyOf(history));
        }
    }
}
