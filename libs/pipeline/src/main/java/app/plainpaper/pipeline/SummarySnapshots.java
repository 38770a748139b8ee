package app.plainpaper.pipeline;

import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest known state of each summary. Events can arrive out of order across topics, so one is applied only when
 * its sequence is higher than what is held. Events that only add history (a refused decision) carry the sequence of
 * the state they were judged against: one stands in for that state until the state's own event arrives, and never
 * replaces it. So once every event has arrived, the result does not depend on the order they came in.
 */
public class SummarySnapshots {

    private final Map<String, SummaryEvent> latest = new ConcurrentHashMap<>();
    private final Set<String> seenEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> causes = ConcurrentHashMap.newKeySet();

    /** @return true when the event became the summary's current state */
    public boolean apply(SummaryEvent event) {
        seenEvents.add(event.getEventId());
        if (event.getCausationId() != null) {
            causes.add(event.getCausationId());
        }
        boolean[] applied = {false};
        latest.compute(event.getSummaryId(), (id, held) -> {
            if (held == null || supersedes(event, held)) {
                applied[0] = true;
                return event;
            }
            return held;
        });
        return applied[0];
    }

    static boolean supersedes(SummaryEvent event, SummaryEvent held) {
        if (event.getSequence() != held.getSequence()) {
            return event.getSequence() > held.getSequence();
        }
        return onlyAddsHistory(held) && !onlyAddsHistory(event);
    }

    private static boolean onlyAddsHistory(SummaryEvent event) {
        return event.getType() == EventType.DECISION_REFUSED;
    }

    public Optional<SummaryEvent> current(String summaryId) {
        return Optional.ofNullable(latest.get(summaryId));
    }

    /** True when some event we know of was caused by {@code eventOrCommandId}: it has been handled already. */
    public boolean handled(String eventOrCommandId) {
        return causes.contains(eventOrCommandId);
    }

    public boolean seen(String eventId) {
        return seenEvents.contains(eventId);
    }

    public int size() {
        return latest.size();
    }
}
