package app.plainpaper.compliance.gate;

import app.plainpaper.events.EventType;
import app.plainpaper.events.Finding;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import app.plainpaper.pipeline.EventSuccession;
import app.plainpaper.pipeline.StageStep;
import app.plainpaper.pipeline.Topics;
import app.plainpaper.reviewchecks.RevisionChecks;

import java.util.ArrayList;
import java.util.List;

/**
 * Compliance: advice for the editor on every new revision, and the final gate on the clinically signed-off text.
 * The gate passes only a revision whose sign-off is for that very revision and whose compliance checks find no blocker.
 */
public class ComplianceGate {

    private final RevisionChecks checks;
    private final EventSuccession succession;

    public ComplianceGate(RevisionChecks checks, EventSuccession succession) {
        this.checks = checks;
        this.succession = succession;
    }

    /** Findings for the editor; the revision goes on to the accuracy checks whatever they say. */
    public StageStep.Output advise(SummaryEvent drafted) {
        List<Finding> findings = checks.findings(drafted, RevisionChecks.COMPLIANCE);
        return new StageStep.Output(Topics.COMPLIANCE_ADVISED, succession
                .after(drafted, EventType.COMPLIANCE_ADVISED, WorkflowState.DRAFTING)
                .setFindings(findings)
                .build());
    }

    public StageStep.Output gate(SummaryEvent signedOff) {
        List<Finding> findings = new ArrayList<>(checks.findings(signedOff, RevisionChecks.COMPLIANCE));
        List<String> reasons = new ArrayList<>();
        if (signedOff.getSignOff() == null || signedOff.getSignOff().getRevision() != signedOff.getRevision()) {
            reasons.add("revision " + signedOff.getRevision() + " has no clinical sign-off of its own");
        }
        findings.stream().filter(f -> f.getSeverity() == Severity.BLOCKER)
                .forEach(f -> reasons.add(f.getMessage()));
        // Accuracy findings of this revision stay on the record for the editor.
        signedOff.getFindings().stream().filter(f -> f.getChecker() != app.plainpaper.events.Checker.COMPLIANCE)
                .forEach(findings::add);
        if (reasons.isEmpty()) {
            return new StageStep.Output(Topics.COMPLIANCE_PASSED, succession
                    .after(signedOff, EventType.COMPLIANCE_PASSED, WorkflowState.PUBLISHING)
                    .setFindings(findings)
                    .build());
        }
        return new StageStep.Output(Topics.COMPLIANCE_FAILED, succession
                .after(signedOff, EventType.COMPLIANCE_FAILED, WorkflowState.EDITOR_REVIEW)
                .setFindings(findings)
                .setReason("Compliance check failed: " + String.join("; ", reasons))
                .build());
    }
}
