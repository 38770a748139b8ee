package app.plainpaper.pipeline;

import app.plainpaper.events.Actor;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;

import java.time.Instant;
import java.util.UUID;

/** Small, valid summary events for tests. */
public final class Events {

    private Events() {
    }

    /** The first event of a new summary, with a fresh summary id. */
    public static SummaryEvent ingested() {
        return ingested("summary-" + UUID.randomUUID());
    }

    public static SummaryEvent ingested(String summaryId) {
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        return SummaryEvent.newBuilder()
                .setEventId(eventId)
                .setSummaryId(summaryId)
                .setSequence(1)
                .setRevision(0)
                .setType(EventType.PAPER_INGESTED)
                .setState(WorkflowState.INGESTED)
                .setOccurredAt(now)
                .setActor(Actor.newBuilder().setId("ingestion").setRole(Role.SYSTEM).build())
                .setCorrelationId(eventId)
                .setPaper(Paper.newBuilder()
                        .setTitle("Exercise after spinal cord injury")
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(now).build())
                        .build())
                .build();
    }
}
