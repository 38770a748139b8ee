package app.plainpaper.reviewchecks;

import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
import app.plainpaper.events.Checker;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EventType;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.Finding;
import app.plainpaper.events.KeyFinding;
import app.plainpaper.events.Paper;
import app.plainpaper.events.PaperOrigin;
import app.plainpaper.events.Role;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SourceKind;
import app.plainpaper.events.StudyDesign;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real policy on a revision of the reference study (Lou et al. 2022, CC BY, doi:10.1155/2022/1119014). */
class RevisionChecksTest {

    static final String SOURCE = "For this case-control study, we recruited 30 cancer patients with bone metastasis and 30 healthy "
            + "individuals. Finally, the pain score and the quality of life score improved significantly after radiotherapy.";

    final RevisionChecks checks = RevisionChecks.withDefaultPolicy();

    @Test
    void aContradictedCountIsAnAccuracyBlockerAtItsPlace() {
        List<Finding> findings = checks.findings(revision("Researchers studied 40 cancer patients with bone metastasis."),
                RevisionChecks.ACCURACY);
        Finding blocker = findings.stream().filter(f -> f.getSeverity() == Severity.BLOCKER).findFirst().orElseThrow();
        assertThat(blocker.getRuleId()).startsWith("accuracy.number");
        assertThat(blocker.getChecker()).isEqualTo(Checker.ACCURACY);
        assertThat(blocker.getSection()).isEqualTo("simpleExplanation");
        assertThat("Researchers studied 40 cancer patients with bone metastasis.".substring(blocker.getStart(), blocker.getEnd()))
                .contains("40");
        assertThat(blocker.getRevision()).isEqualTo(2);
        assertThat(blocker.getPolicyVersion()).isEqualTo(checks.policyVersion());
        assertThat(findings).allMatch(f -> f.getRuleId().startsWith("accuracy."));
    }

    @Test
    void theSameRevisionCheckedTwiceGivesTheSameFindingIds() {
        SummaryEvent revision = revision("Researchers studied 40 cancer patients with bone metastasis.");
        assertThat(checks.findings(revision, RevisionChecks.ACCURACY)).extracting(Finding::getFindingId)
                .isEqualTo(checks.findings(revision, RevisionChecks.ACCURACY).stream().map(Finding::getFindingId).toList());
    }

    @Test
    void theEvidenceLevelsLabelIsNotTakenForAClaim() {
        List<Finding> findings = checks.findings(revision("Researchers studied 30 cancer patients with bone metastasis."),
                RevisionChecks.ACCURACY);
        assertThat(findings).noneMatch(f -> "evidenceLevel".equals(f.getSection()));
        assertThat(findings).noneMatch(f -> f.getSeverity() == Severity.BLOCKER);
    }

    @Test
    void complianceFindingsAreKeptApart() {
        List<Finding> findings = checks.findings(revision("You should ask your doctor to prescribe radiotherapy."),
                RevisionChecks.COMPLIANCE);
        assertThat(findings).isNotEmpty().allMatch(f -> f.getChecker() == Checker.COMPLIANCE);
        assertThat(findings).anyMatch(f -> f.getRuleId().equals("compliance.advice") && f.getSeverity() == Severity.BLOCKER);
    }

    static SummaryEvent revision(String simpleExplanation) {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        return SummaryEvent.newBuilder()
                .setEventId("e1").setSummaryId("s1").setSequence(5).setRevision(2)
                .setType(EventType.COMPLIANCE_ADVISED).setState(WorkflowState.DRAFTING).setOccurredAt(now)
                .setActor(Actor.newBuilder().setId("disclaimer-check").setRole(Role.SYSTEM).build()).setCorrelationId("c1")
                .setPaper(Paper.newBuilder().setTitle("Pain and cytokines in bone metastasis").setLicence("CC BY 4.0")
                        .setAbstractSections(List.of(AbstractSection.newBuilder().setText(SOURCE).build()))
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(now).build()).build())
                .setDraft(Draft.newBuilder().setRevision(2)
                        .setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                        .setSimpleExplanation(simpleExplanation)
                        .setParticipants("30 cancer patients with bone metastasis and 30 healthy individuals")
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CASE_CONTROL).setLevel("3")
                                .setReason("The abstract calls it a case-control study.").build())
                        .setKeyFindings(List.of(KeyFinding.newBuilder().setText("The pain score improved significantly after radiotherapy.").build()))
                        .setResearchSummary("The study compared 30 patients with 30 healthy individuals.")
                        .setLimitations(List.of("The study was small."))
                        .setDisclaimerVersion("2025-1")
                        .build())
                .build();
    }
}
