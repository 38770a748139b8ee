package app.plainpaper.pipeline;

import app.plainpaper.events.Actor;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Role;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes the event that follows another one for the same summary: a new event id, the next sequence number,
 * the cause and the correlation carried over, and the rest of the snapshot copied.
 */
public final class EventSuccession {

    private final Clock clock;
    private final Actor service;

    public EventSuccession(Clock clock, String serviceName) {
        this.clock = clock;
        this.service = Actor.newBuilder().setId(serviceName).setRole(Role.SYSTEM).build();
    }

    public Actor service() {
        return Actor.newBuilder(service).build();
    }

    public Instant now() {
        return clock.instant();
    }

    /** A successor caused by {@code previous} itself. */
    public SummaryEvent.Builder after(SummaryEvent previous, EventType type, WorkflowState state) {
        return after(previous, type, state, previous.getEventId());
    }

    /** A successor caused by something else (a command), applied to the snapshot {@code previous}. */
    public SummaryEvent.Builder after(SummaryEvent previous, EventType type, WorkflowState state, String causationId) {
        return SummaryEvent.newBuilder(previous)
                .setEventId(UUID.randomUUID().toString())
                .setSequence(previous.getSequence() + 1)
                .setType(type)
                .setState(state)
                .setOccurredAt(clock.instant())
                .setActor(service())
                .setCausationId(causationId)
                .setReason(null)
                .setRequestedEdit(null);
    }
}
