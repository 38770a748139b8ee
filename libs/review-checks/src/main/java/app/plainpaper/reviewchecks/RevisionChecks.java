package app.plainpaper.reviewchecks;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Definition;
import app.plainpaper.checks.DraftMetadata;
import app.plainpaper.checks.PracticalImplication;
import app.plainpaper.checks.Source;
import app.plainpaper.checks.SourceSection;
import app.plainpaper.checks.StudyDesign;
import app.plainpaper.drafting.glossary.Glossary;
import app.plainpaper.events.Checker;
import app.plainpaper.events.Draft;
import app.plainpaper.events.EvidenceLevel;
import app.plainpaper.events.Finding;
import app.plainpaper.events.Severity;
import app.plainpaper.events.SummaryEvent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The automated checks of one revision, as the accuracy-review and disclaimer-check services run them: the revision's
 * draft against the paper's abstract, with findings recorded on the event. Each service keeps its own rules by prefix.
 */
public final class RevisionChecks {

    public static final String ACCURACY = "accuracy.";
    public static final String COMPLIANCE = "compliance.";

    private final Checks checks;

    public RevisionChecks(Checks checks) {
        this.checks = checks;
    }

    /**
     * The checks' default policy, with the drafting engine's glossary as the reference for the draft's
     * "{@code <term> means ...}" lines (the glossary the engine wrote them from).
     */
    public static RevisionChecks withDefaultPolicy() {
        return new RevisionChecks(Checks.withDefaultPolicy().withDefinitions(engineGlossary()));
    }

    /** The built-in drafting engine's glossary as reference definitions for the checks. */
    public static List<Definition> engineGlossary() {
        return Glossary.builtIn().entries().stream()
                .map(e -> new Definition(e.term(), e.forms(), e.explanation())).toList();
    }

    public String policyVersion() {
        return checks.policy().version();
    }

    /** The report of all rules whose id starts with {@code rulePrefix}. */
    public CheckReport report(SummaryEvent revision, String rulePrefix) {
        if (revision.getDraft() == null) {
            throw new IllegalArgumentException("Revision " + revision.getRevision() + " has no draft");
        }
        CheckReport full = checks.check(draft(revision.getDraft()), source(revision));
        return new CheckReport(full.policyVersion(), full.byRule(rulePrefix));
    }

    public List<Finding> findings(SummaryEvent revision, String rulePrefix) {
        CheckReport report = report(revision, rulePrefix);
        return report.findings().stream().map(f -> finding(f, revision)).toList();
    }

    static Source source(SummaryEvent event) {
        var paper = event.getPaper();
        List<SourceSection> sections = paper.getAbstractSections().stream()
                .map(s -> new SourceSection(s.getLabel(), s.getText())).toList();
        return new Source(paper.getTitle(), sections, design(event.getDraft().getEvidenceLevel()), paper.getLicence());
    }

    static app.plainpaper.checks.Draft draft(Draft draft) {
        EvidenceLevel level = draft.getEvidenceLevel();
        // The reason is the evidence level's text; the level and scale are labels, not claims about the study.
        String evidence = level.getDesign() == app.plainpaper.events.StudyDesign.UNKNOWN ? null : level.getReason();
        return new app.plainpaper.checks.Draft(draft.getSimpleExplanation(), draft.getStudyDuration(), draft.getParticipants(),
                evidence, draft.getKeyFindings().stream().map(k -> k.getText()).toList(), draft.getResearchSummary(),
                draft.getPracticalImplications().stream().map(i -> new PracticalImplication(i.getTitle(), i.getText())).toList(),
                draft.getLimitations(),
                new DraftMetadata(draft.getCategories(), draft.getDisclaimerVersion() != null, draft.getDisclaimerVersion(),
                        design(level)));
    }

    static StudyDesign design(EvidenceLevel level) {
        return switch (level.getDesign()) {
            case SYSTEMATIC_REVIEW -> StudyDesign.SYSTEMATIC_REVIEW;
            case RANDOMISED_TRIAL -> StudyDesign.RANDOMISED_TRIAL;
            case NON_RANDOMISED_TRIAL -> StudyDesign.NON_RANDOMISED_TRIAL;
            case COHORT -> StudyDesign.COHORT;
            case CASE_CONTROL -> StudyDesign.CASE_CONTROL;
            case CROSS_SECTIONAL -> StudyDesign.CROSS_SECTIONAL;
            case CASE_SERIES -> StudyDesign.CASE_SERIES;
            case CASE_REPORT -> StudyDesign.CASE_REPORT;
            case QUALITATIVE -> StudyDesign.QUALITATIVE;
            case ANIMAL_OR_LAB -> StudyDesign.ANIMAL_OR_LAB;
            case NARRATIVE_REVIEW -> StudyDesign.EXPERT_OPINION;
            default -> null;
        };
    }

    /** Finding ids are derived from what was found where, so checking the same revision twice gives the same ids. */
    static Finding finding(CheckFinding f, SummaryEvent revision) {
        String identity = revision.getSummaryId() + "|" + revision.getRevision() + "|" + f.ruleId() + "|" + f.section()
                + "|" + f.start() + "|" + f.end();
        return Finding.newBuilder()
                .setFindingId(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString())
                .setRuleId(f.ruleId())
                .setChecker(f.ruleId().startsWith(ACCURACY) ? Checker.ACCURACY : Checker.COMPLIANCE)
                .setSeverity(Severity.valueOf(f.severity().name()))
                .setMessage(f.message())
                .setSection(f.section())
                .setStart(f.start())
                .setEnd(f.end())
                .setSourceSentences(f.sourceSentences())
                .setPolicyVersion(f.policyVersion())
                .setRevision(revision.getRevision())
                .build();
    }
}
