package app.plainpaper.accuracy.workflow;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.Checker;
import app.plainpaper.events.DecisionAction;
import app.plainpaper.events.DecisionOutcome;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EditorialCommand;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.Finding;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.ResolutionKind;
import app.plainpaper.events.Role;
import app.plainpaper.events.SectionEdit;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.Topics;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewWorkflowTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    final ReviewWorkflow workflow = new ReviewWorkflow(new EventSuccession(Clock.fixed(NOW, ZoneOffset.UTC), "accuracy-review"));

    static final Actor EDITOR = actor("erin", Role.EDITOR);
    static final Actor CLINICIAN = actor("casey", Role.CLINICAL_REVIEWER);

    @Test
    void anEditorApprovesARevisionWithoutBlockersIntoClinicalReview() {
        Verdict verdict = workflow.decide(inEditorReview(List.of()), command(EDITOR, DecisionAction.APPROVE, 2, null));
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.topic()).isEqualTo(Topics.EDITOR_APPROVED);
        assertThat(verdict.event().getState()).isEqualTo(WorkflowState.CLINICAL_REVIEW);
        assertThat(verdict.event().getSequence()).isEqualTo(8);
        assertThat(verdict.event().getActor().getId()).isEqualTo("erin");
        assertThat(verdict.event().getDecisions()).singleElement()
                .satisfies(d -> assertThat(d.getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED));
    }

    @Test
    void anOpenBlockerHoldsTheDraftBackFromClinicalReview() {
        Verdict verdict = workflow.decide(inEditorReview(List.of(blocker("f1"))), command(EDITOR, DecisionAction.APPROVE, 2, null));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.topic()).isEqualTo(Topics.DECISION_REFUSED);
        assertThat(verdict.event().getReason()).contains("1 unresolved blocker");
        assertThat(verdict.event().getState()).isEqualTo(WorkflowState.EDITOR_REVIEW);
        assertThat(verdict.event().getSequence()).as("a refusal changes no state").isEqualTo(7);
    }

    @Test
    void anOverrideNeedsAReasonAndRecordsIt() {
        SummaryEvent current = inEditorReview(List.of(blocker("f1")));
        assertThat(workflow.decide(current, command(EDITOR, DecisionAction.OVERRIDE_FINDING, 2, " ", "f1")).accepted()).isFalse();

        Verdict verdict = workflow.decide(current, command(EDITOR, DecisionAction.OVERRIDE_FINDING, 2,
                "The abstract gives 30 in the methods section.", "f1"));
        assertThat(verdict.accepted()).isTrue();
        Finding overridden = verdict.event().getFindings().get(0);
        assertThat(overridden.getResolution().getKind()).isEqualTo(ResolutionKind.OVERRIDDEN);
        assertThat(overridden.getResolution().getReason()).isEqualTo("The abstract gives 30 in the methods section.");
        assertThat(overridden.getResolution().getBy().getId()).isEqualTo("erin");
        assertThat(verdict.event().getReason()).isNull();
        assertThat(workflow.decide(verdict.event(), command(EDITOR, DecisionAction.APPROVE, 2, null)).accepted()).isTrue();
    }

    @Test
    void aDecisionAboutAnOutOfDateRevisionIsRefusedWithTheReason() {
        Verdict verdict = workflow.decide(inEditorReview(List.of()), command(EDITOR, DecisionAction.APPROVE, 1, null));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.event().getReason()).contains("revision 1", "revision 2");
        assertThat(verdict.event().getDecisions()).singleElement().satisfies(d -> {
            assertThat(d.getOutcome()).isEqualTo(DecisionOutcome.REFUSED);
            assertThat(d.getRefusalReason()).contains("revision 1");
        });
    }

    @Test
    void onlyClinicalReviewersSignOffAndOnlyInClinicalReview() {
        SummaryEvent approved = approvedBy(EDITOR);
        assertThat(workflow.decide(approved, command(EDITOR, DecisionAction.SIGN_OFF, 2, null)).event().getReason())
                .contains("Only a clinical reviewer");
        assertThat(workflow.decide(inEditorReview(List.of()), command(CLINICIAN, DecisionAction.SIGN_OFF, 2, null)).accepted()).isFalse();

        Verdict signed = workflow.decide(approved, command(CLINICIAN, DecisionAction.SIGN_OFF, 2, null));
        assertThat(signed.accepted()).isTrue();
        assertThat(signed.topic()).isEqualTo(Topics.SIGNED_OFF);
        assertThat(signed.event().getState()).isEqualTo(WorkflowState.COMPLIANCE_CHECK);
        assertThat(signed.event().getSignOff().getRevision()).isEqualTo(2);
        assertThat(signed.event().getSignOff().getReviewer().getId()).isEqualTo("casey");
    }

    @Test
    void fourEyesTheApproverCannotAlsoSignOffTheSameRevision() {
        Actor both = actor("alex", Role.EDITOR);
        SummaryEvent approved = approvedBy(both);
        Verdict verdict = workflow.decide(approved, command(actor("alex", Role.CLINICAL_REVIEWER), DecisionAction.SIGN_OFF, 2, null));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.event().getReason()).contains("Four eyes");
    }

    @Test
    void aClinicalRequestForChangesGoesBackToTheEditorWithTheReason() {
        Verdict verdict = workflow.decide(approvedBy(EDITOR), command(CLINICIAN, DecisionAction.REQUEST_CHANGES, 2,
                "Say that the control group was healthy people."));
        assertThat(verdict.topic()).isEqualTo(Topics.CHANGES_REQUESTED);
        assertThat(verdict.event().getState()).isEqualTo(WorkflowState.EDITOR_REVIEW);
        assertThat(verdict.event().getReason()).contains("Say that the control group was healthy people.");
    }

    @Test
    void anEditorsRequestForChangesIsARedraftAndNeedsAReason() {
        assertThat(workflow.decide(inEditorReview(List.of()), command(EDITOR, DecisionAction.REQUEST_CHANGES, 2, null)).accepted()).isFalse();
        Verdict verdict = workflow.decide(inEditorReview(List.of()), command(EDITOR, DecisionAction.REQUEST_CHANGES, 2, "Too technical."));
        assertThat(verdict.topic()).isEqualTo(Topics.REVISION_REQUESTED);
        assertThat(verdict.event().getType()).isEqualTo(EventType.REDRAFT_REQUESTED);
        assertThat(verdict.event().getState()).isEqualTo(WorkflowState.DRAFTING);
    }

    @Test
    void anEditIsCheckedAndForwardedToDrafting() {
        EditorialCommand bad = command(EDITOR, DecisionAction.EDIT, 2, null);
        bad.setEdit(SectionEdit.newBuilder().setSections(Map.of("headline", "x")).build());
        assertThat(workflow.decide(inEditorReview(List.of()), bad).event().getReason()).contains("Unknown section 'headline'");

        EditorialCommand edit = command(EDITOR, DecisionAction.EDIT, 2, "Fixed the count.");
        edit.setEdit(SectionEdit.newBuilder().setSections(Map.of("participants", "30 patients and 30 healthy people")).build());
        Verdict verdict = workflow.decide(inEditorReview(List.of(blocker("f1"))), edit);
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.topic()).isEqualTo(Topics.REVISION_REQUESTED);
        assertThat(verdict.event().getType()).isEqualTo(EventType.EDITOR_EDITED);
        assertThat(verdict.event().getRequestedEdit().getSections()).containsEntry("participants", "30 patients and 30 healthy people");
    }

    @Test
    void rejectionNeedsAReason() {
        assertThat(workflow.decide(inEditorReview(List.of()), command(EDITOR, DecisionAction.REJECT, 2, "")).accepted()).isFalse();
        Verdict verdict = workflow.decide(inEditorReview(List.of()), command(EDITOR, DecisionAction.REJECT, 2, "Not about SCI."));
        assertThat(verdict.event().getState()).isEqualTo(WorkflowState.REJECTED);
        assertThat(verdict.event().getReason()).contains("Not about SCI.");
    }

    @Test
    void anEditorOrAdminUnpublishesAPublishedSummaryWithAReason() {
        SummaryEvent published = published();
        Verdict verdict = workflow.decide(published, command(actor("ada", Role.ADMIN), DecisionAction.UNPUBLISH, 2, "Duplicate of s9"));
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.topic()).isEqualTo(Topics.UNPUBLISHED);
        assertThat(verdict.event().getType()).isEqualTo(EventType.UNPUBLISHED);
        assertThat(verdict.event().getState()).isEqualTo(WorkflowState.UNPUBLISHED);
        assertThat(verdict.event().getReason()).isEqualTo("Unpublished by ada: Duplicate of s9");
        assertThat(verdict.event().getPublication().getSlug()).isEqualTo("pain-and-cytokines");
        assertThat(workflow.decide(published, command(EDITOR, DecisionAction.UNPUBLISH, 2, "Wrong paper")).accepted()).isTrue();
    }

    @Test
    void unpublishingIsRefusedWithoutAReasonForAClinicianOrBeforePublication() {
        SummaryEvent published = published();
        assertThat(workflow.decide(published, command(EDITOR, DecisionAction.UNPUBLISH, 2, " ")).event().getReason())
                .isEqualTo("A reason is required to unpublish.");
        assertThat(workflow.decide(published, command(CLINICIAN, DecisionAction.UNPUBLISH, 2, "No")).event().getReason())
                .isEqualTo("Only an editor or an admin may unpublish a summary.");
        Verdict early = workflow.decide(inEditorReview(List.of()), command(EDITOR, DecisionAction.UNPUBLISH, 2, "Why"));
        assertThat(early.accepted()).isFalse();
        assertThat(early.event().getReason()).isEqualTo("The summary is in editor-review, not published.");
    }

    @Test
    void aRetractionNoticeMarksThePaperRetractedOnce() {
        var succession = new EventSuccession(Clock.fixed(NOW, ZoneOffset.UTC), "accuracy-review");
        Verdict verdict = Withdrawals.retracted(succession, published(), "notice-1", "10.1155/2023/1", "crossref").orElseThrow();
        assertThat(verdict.topic()).isEqualTo(Topics.RETRACTED);
        assertThat(verdict.event().getState()).isEqualTo(WorkflowState.RETRACTED);
        assertThat(verdict.event().getPaper().getRetracted()).isTrue();
        assertThat(verdict.event().getCausationId()).isEqualTo("notice-1");
        assertThat(verdict.event().getReason()).isEqualTo("The paper was retracted (10.1155/2023/1), found by crossref.");
        assertThat(Withdrawals.retracted(succession, verdict.event(), "notice-2", null, "pubmed")).isEmpty();

        SummaryEvent unpublished = workflow.decide(published(), command(EDITOR, DecisionAction.UNPUBLISH, 2, "Duplicate")).event();
        assertThat(Withdrawals.retracted(succession, unpublished, "notice-1", null, "crossref").orElseThrow().event().getState())
                .as("an unpublished summary stays gone").isEqualTo(WorkflowState.UNPUBLISHED);
        assertThat(Withdrawals.retracted(succession, inEditorReview(List.of()), "n", null, "crossref").orElseThrow().event().getState())
                .as("one still in review stops there").isEqualTo(WorkflowState.RETRACTED);
    }

    @Test
    void anEditorCorrectsAPublishedSummaryThroughANewRevision() {
        EditorialCommand edit = command(EDITOR, DecisionAction.EDIT, 2, "Corrected the number of patients");
        edit.setEdit(SectionEdit.newBuilder().setSections(Map.of("participants", "30 patients and 30 healthy people")).build());
        Verdict verdict = workflow.decide(published(), edit);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.topic()).isEqualTo(Topics.REVISION_REQUESTED);
        assertThat(verdict.event().getState()).isEqualTo(WorkflowState.DRAFTING);
        assertThat(verdict.event().getPublication().getSlug()).as("the live page keeps its address").isEqualTo("pain-and-cytokines");
        assertThat(workflow.decide(published(), command(EDITOR, DecisionAction.APPROVE, 2, null)).accepted())
                .as("approving needs a new revision first").isFalse();
    }

    static SummaryEvent published() {
        return SummaryEvent.newBuilder(inEditorReview(List.of())).setType(EventType.PUBLISHED).setState(WorkflowState.PUBLISHED)
                .setPublication(app.plainpaper.events.Publication.newBuilder().setSlug("pain-and-cytokines")
                        .setUrl("http://localhost:8080/research/pain-and-cytokines/").setPublishedAt(NOW).build())
                .build();
    }

    private SummaryEvent approvedBy(Actor editor) {
        return workflow.decide(inEditorReview(List.of()), command(editor, DecisionAction.APPROVE, 2, null)).event();
    }

    static SummaryEvent inEditorReview(List<Finding> findings) {
        return SummaryEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setSummaryId("s1").setSequence(7).setRevision(2)
                .setType(EventType.ACCURACY_CHECKED).setState(WorkflowState.EDITOR_REVIEW).setOccurredAt(NOW)
                .setActor(actor("accuracy-review", Role.SYSTEM)).setCorrelationId("c1")
                .setReason(ReviewWorkflow.blockerReason(findings))
                .setPaper(Paper.newBuilder().setTitle("Pain and cytokines")
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText("We recruited 30 patients.").build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(NOW).build()).build())
                .setDraft(Draft.newBuilder().setRevision(2).setWrittenBy(actor("drafting", Role.SYSTEM))
                        .setSimpleExplanation("Researchers studied 30 patients.").setParticipants("30 patients")
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3").setReason("case-control").build())
                        .setResearchSummary("A study.").build())
                .setFindings(findings)
                .build();
    }

    static Finding blocker(String id) {
        return Finding.newBuilder().setFindingId(id).setRuleId("accuracy.number.contradicted").setChecker(Checker.ACCURACY)
                .setSeverity(Severity.BLOCKER).setMessage("The draft says 40 patients; the source says 30.").setRevision(2).build();
    }

    static EditorialCommand command(Actor actor, DecisionAction action, int revision, String comment) {
        return command(actor, action, revision, comment, null);
    }

    static EditorialCommand command(Actor actor, DecisionAction action, int revision, String comment, String findingId) {
        return EditorialCommand.newBuilder().setCommandId(UUID.randomUUID().toString()).setSummaryId("s1")
                .setRevision(revision).setAction(action).setActor(actor).setComment(comment).setFindingId(findingId)
                .setIssuedAt(NOW).build();
    }

    static Actor actor(String id, Role role) {
        return Actor.newBuilder().setId(id).setRole(role).build();
    }
}
