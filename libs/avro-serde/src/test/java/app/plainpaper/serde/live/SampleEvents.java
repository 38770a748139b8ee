package app.plainpaper.serde.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import app.plainpaper.events.Actor;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.SectionEdit;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;

/** Realistic events of the project's contracts, different on every call. */
final class SampleEvents {

    private SampleEvents() {
    }

    static SummaryEvent summaryEvent(String summaryId, long sequence) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return SummaryEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSummaryId(summaryId)
                .setSequence(sequence)
                .setRevision(0)
                .setType(EventType.PAPER_INGESTED)
                .setState(WorkflowState.INGESTED)
                .setOccurredAt(now)
                .setActor(Actor.newBuilder().setId("ingestion").setRole(Role.SYSTEM).build())
                .setCorrelationId(UUID.randomUUID().toString())
                .setPaper(Paper.newBuilder()
                        .setTitle("Epidural stimulation after spinal cord injury, trial " + sequence)
                        .setDoi("10.1000/sci." + summaryId)
                        .setYear(2024)
                        .setOrigin(PaperOrigin.newBuilder()
                                .setKind(SourceKind.CROSSREF)
                                .setReceivedAt(now)
                                .build())
                        .build())
                .build();
    }

    static EditorialCommand approval(String summaryId) {
        return EditorialCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setSummaryId(summaryId)
                .setRevision(2)
                .setAction(DecisionAction.APPROVE)
                .setActor(Actor.newBuilder().setId("editor-" + UUID.randomUUID().toString().substring(0, 8))
                        .setRole(Role.EDITOR).setDisplayName("Desk editor").build())
                .setComment("Clear and faithful to the abstract.")
                .setIssuedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(UUID.randomUUID().toString())
                .build();
    }

    static EditorialCommand edit(String summaryId) {
        return EditorialCommand.newBuilder(approval(summaryId))
                .setCommandId(UUID.randomUUID().toString())
                .setAction(DecisionAction.EDIT)
                .setComment(null)
                .setEdit(SectionEdit.newBuilder()
                        .setSections(Map.of("simpleExplanation", "Researchers tested " + UUID.randomUUID()))
                        .build())
                .build();
    }
}
