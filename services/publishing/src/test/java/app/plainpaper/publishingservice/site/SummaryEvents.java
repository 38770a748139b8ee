package app.plainpaper.publishingservice.site;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.ClinicalSignOff;
import app.plainpaper.events.Decision;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.DecisionOutcome;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.KeyFinding;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Publication;
import app.plainpaper.events.Role;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Summary events as the pipeline makes them, for publishing tests. */
public final class SummaryEvents {

    public static final Instant FIRST = Instant.parse("2026-11-27T12:00:00Z");

    private SummaryEvents() {
    }

    /** A revision that passed the final compliance gate, signed off by Dr Casey Morgan. */
    public static SummaryEvent passed(String summaryId, long sequence, int revision, String title, String finding) {
        Actor casey = Actor.newBuilder().setId("casey").setRole(Role.CLINICAL_REVIEWER).setDisplayName("Dr Casey Morgan").setCredentials("MD").build();
        return SummaryEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setSummaryId(summaryId).setSequence(sequence).setRevision(revision)
                .setType(EventType.COMPLIANCE_PASSED).setState(WorkflowState.PUBLISHING).setOccurredAt(FIRST)
                .setActor(Actor.newBuilder().setId("disclaimer-check").setRole(Role.SYSTEM).build()).setCorrelationId("c-" + summaryId)
                .setPaper(Paper.newBuilder().setTitle(title).setJournal("Pain Research and Management").setYear(2022)
                        .setDoi("10.1155/2022/1119014")
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText(finding).build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(FIRST).build()).build())
                .setDraft(Draft.newBuilder().setRevision(revision)
                        .setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                        .setSimpleExplanation("Researchers looked at pain.")
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3").setReason("case-control").build())
                        .setKeyFindings(List.of(KeyFinding.newBuilder().setText(finding).build()))
                        .setResearchSummary("A study of pain.")
                        .setLimitations(List.of("Small study."))
                        .setCategories(List.of("Pain Management"))
                        .setChangeNote(revision > 1 ? "Edited by the editor: keyFindings." : null)
                        .build())
                .setSignOff(ClinicalSignOff.newBuilder().setReviewer(casey).setRevision(revision).setSignedOffAt(FIRST).build())
                .build();
    }

    /** The same, after an editor's accepted edit of {@code editedRevision} with this comment. */
    public static SummaryEvent editedAndPassed(String summaryId, long sequence, int revision, String title, String finding,
            int editedRevision, String comment) {
        SummaryEvent passed = passed(summaryId, sequence, revision, title, finding);
        List<Decision> decisions = new ArrayList<>(passed.getDecisions());
        decisions.add(Decision.newBuilder().setDecisionId(UUID.randomUUID().toString())
                .setBy(Actor.newBuilder().setId("editor").setRole(Role.EDITOR).build())
                .setAction(DecisionAction.EDIT).setRevision(editedRevision).setComment(comment)
                .setDecidedAt(FIRST).setOutcome(DecisionOutcome.ACCEPTED).build());
        return SummaryEvent.newBuilder(passed).setDecisions(decisions).build();
    }

    /** What the publishing listener makes of a passed revision. */
    public static SummaryEvent published(SummaryEvent passed, Publication publication) {
        return SummaryEvent.newBuilder(passed).setEventId(UUID.randomUUID().toString()).setSequence(passed.getSequence() + 1)
                .setType(EventType.PUBLISHED).setState(WorkflowState.PUBLISHED).setPublication(publication).build();
    }

    /** What the review workflow emits when a published summary is unpublished or its paper retracted. */
    public static SummaryEvent withdrawn(SummaryEvent published, EventType type, String reason) {
        WorkflowState state = type == EventType.RETRACTED ? WorkflowState.RETRACTED : WorkflowState.UNPUBLISHED;
        Paper paper = type == EventType.RETRACTED
                ? Paper.newBuilder(published.getPaper()).setRetracted(true).build() : published.getPaper();
        return SummaryEvent.newBuilder(published).setEventId(UUID.randomUUID().toString()).setSequence(published.getSequence() + 1)
                .setType(type).setState(state).setReason(reason).setPaper(paper).build();
    }
}
