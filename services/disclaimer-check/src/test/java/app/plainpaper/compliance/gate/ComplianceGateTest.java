package app.plainpaper.compliance.gate;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.ClinicalSignOff;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.Implication;
import app.plainpaper.events.KeyFinding;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.reviewchecks.RevisionChecks;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The final gate with the real compliance policy. */
class ComplianceGateTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    final ComplianceGate gate = new ComplianceGate(RevisionChecks.withDefaultPolicy(),
            new EventSuccession(Clock.fixed(NOW, ZoneOffset.UTC), "disclaimer-check"));

    @Test
    void aCleanSignedOffRevisionPasses() {
        var outcome = gate.gate(signedOff("The study suggests that some blood markers may be linked to bone pain.", 3, "2025-1"));
        assertThat(outcome.topic()).as(String.valueOf(outcome.event().getReason())).isEqualTo(Topics.COMPLIANCE_PASSED);
        assertThat(outcome.event().getState()).isEqualTo(WorkflowState.PUBLISHING);
    }

    @Test
    void adviceToTheReaderFailsTheGate() {
        var outcome = gate.gate(signedOff("You should ask your doctor to prescribe radiotherapy for bone pain.", 3, "2025-1"));
        assertThat(outcome.topic()).isEqualTo(Topics.COMPLIANCE_FAILED);
        assertThat(outcome.event().getState()).isEqualTo(WorkflowState.EDITOR_REVIEW);
        assertThat(outcome.event().getReason()).startsWith("Compliance check failed");
        assertThat(outcome.event().getFindings()).anyMatch(f -> f.getRuleId().equals("compliance.advice") && f.getSeverity() == Severity.BLOCKER);
    }

    @Test
    void aSignOffOfAnotherRevisionFailsTheGate() {
        var outcome = gate.gate(signedOff("The study suggests that some blood markers may be linked to bone pain.", 2, "2025-1"));
        assertThat(outcome.topic()).isEqualTo(Topics.COMPLIANCE_FAILED);
        assertThat(outcome.event().getReason()).contains("no clinical sign-off of its own");
    }

    @Test
    void anOutdatedDisclaimerFailsTheGate() {
        var outcome = gate.gate(signedOff("The study suggests that some blood markers may be linked to bone pain.", 3, "2019-1"));
        assertThat(outcome.topic()).isEqualTo(Topics.COMPLIANCE_FAILED);
        assertThat(outcome.event().getReason()).containsIgnoringCase("disclaimer");
    }

    @Test
    void adviceOnANewRevisionIsOnlyAdvice() {
        var outcome = gate.advise(signedOff("You should ask your doctor to prescribe radiotherapy for bone pain.", 3, "2025-1"));
        assertThat(outcome.topic()).isEqualTo(Topics.COMPLIANCE_ADVISED);
        assertThat(outcome.event().getState()).isEqualTo(WorkflowState.DRAFTING);
        assertThat(outcome.event().getFindings()).anyMatch(f -> f.getRuleId().equals("compliance.advice"));
    }

    static SummaryEvent signedOff(String implication, int signedRevision, String disclaimer) {
        Actor casey = Actor.newBuilder().setId("casey").setRole(Role.CLINICAL_REVIEWER).build();
        return SummaryEvent.newBuilder()
                .setEventId("e1").setSummaryId("s1").setSequence(7).setRevision(3)
                .setType(EventType.CLINICALLY_SIGNED_OFF).setState(WorkflowState.COMPLIANCE_CHECK).setOccurredAt(NOW)
                .setActor(casey).setCorrelationId("c1")
                .setPaper(Paper.newBuilder().setTitle("Pain and cytokines in bone metastasis")
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText(
                                "We recruited 30 cancer patients with bone metastasis and 30 healthy individuals. "
                                        + "The pain score improved significantly after radiotherapy. Some cytokines may mediate pain.").build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(NOW).build()).build())
                .setDraft(Draft.newBuilder().setRevision(3)
                        .setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                        .setSimpleExplanation("Researchers looked at 30 people with cancer that had spread to the bones. "
                                + "Their pain got better after radiotherapy.")
                        .setParticipants("30 cancer patients with bone metastasis and 30 healthy individuals")
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3")
                                .setReason("The abstract calls it a case-control study.").build())
                        .setKeyFindings(List.of(KeyFinding.newBuilder().setText("The pain score improved significantly after radiotherapy.").build()))
                        .setResearchSummary("The study compared blood markers before and after radiotherapy.")
                        .setPracticalImplications(List.of(Implication.newBuilder().setTitle("Pain").setText(implication).build()))
                        .setLimitations(List.of("The study was small."))
                        .setCategories(List.of("Oncology"))
                        .setDisclaimerVersion(disclaimer)
                        .build())
                .setSignOff(ClinicalSignOff.newBuilder().setReviewer(casey).setRevision(signedRevision).setSignedOffAt(NOW).build())
                .build();
    }
}
