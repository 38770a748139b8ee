package app.plainpaper.desk;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.Implication;
import app.plainpaper.events.KeyFinding;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.Actor;
import app.plainpaper.events.EventType;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Summary events as the upstream services write them, for feeding the desk in tests. */
public final class SummaryEvents {

    private SummaryEvents() {
    }

    public static SummaryEvent event(String summaryId, long sequence, int revision, EventType type, WorkflowState state) {
        return SummaryEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSummaryId(summaryId)
                .setSequence(sequence)
                .setRevision(revision)
                .setType(type)
                .setState(state)
                .setOccurredAt(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(sequence))
                .setActor(Actor.newBuilder().setId("accuracy-review").setRole(Role.SYSTEM).build())
                .setCorrelationId("correlation-" + summaryId)
                .setPaper(Paper.newBuilder()
                        .setTitle("Pain and cytokines after radiotherapy for bone metastasis")
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText("We recruited 30 patients.").build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(Instant.EPOCH).build())
                        .build())
                .build();
    }

    /** The same event carrying a draft of its revision. */
    public static SummaryEvent withDraft(SummaryEvent event, String explanation, List<String> categories) {
        return SummaryEvent.newBuilder(event).setDraft(draft(event.getRevision(), explanation, categories)).build();
    }

    public static Draft draft(int revision, String explanation, List<String> categories) {
        return Draft.newBuilder()
                .setRevision(revision)
                .setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                .setSimpleExplanation(explanation)
                .setParticipants("30 patients")
                .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3").setReason("A case-control study.").build())
                .setKeyFindings(List.of(KeyFinding.newBuilder().setText("Pain scores improved after radiotherapy.").setSourceSentences(List.of()).build()))
                .setResearchSummary("Researchers compared 30 patients with 30 healthy people.")
                .setPracticalImplications(List.of(Implication.newBuilder().setTitle("Talk to your doctor").setText("Ask about pain relief.").build()))
                .setLimitations(List.of("A small study."))
                .setCategories(categories)
                .build();
    }
}
