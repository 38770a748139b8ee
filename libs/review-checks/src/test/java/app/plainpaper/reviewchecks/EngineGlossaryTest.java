package app.plainpaper.reviewchecks;

import app.plainpaper.drafting.BuiltInDraftingEngine;
import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.SourceSection;
import app.plainpaper.events.AbstractSection;
import app.plainpaper.events.Actor;
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

/**
 * The checks the services run compare the engine's glossary lines with the glossary: on a real abstract, PMID 22727195
 * (Kurdish breast cancer, BMC Women's Health 2012;12:16, doi 10.1186/1472-6874-12-16, open access, CC BY), copied from
 * /work/shared/data/abstracts-dev.jsonl.
 */
class EngineGlossaryTest {

    static final String TITLE = "A population-based study of Kurdish breast cancer in northern Iraq: hormone receptor and "
            + "HER2 status. A comparison with Arabic women and United States SEER data.";
    static final List<SourceSection> SECTIONS = List.of(
            new SourceSection("BACKGROUND", "Hormone receptor (HR) and HER2 expression predict the therapeutic response and "
                    + "prognosis of breast cancer. In the Middle-East, breast cancer is diagnosed at a young age, and Arabic women "
                    + "are reported to have a low frequency of HR positive tumors. This study investigates HR and HER2 expression "
                    + "among Kurdish and Arabic women."),
            new SourceSection("METHODS", "During 2008-2010, the Sulaimaniyah Directorate of Health records identified 514 "
                    + "Sulaimaniyah Kurdish women, 227 Kurdish women of other Governates, and 83 Arabic women with a first "
                    + "diagnosis of breast cancer. The breast cancers of 432 women had immunohistochemistry (IHC) performed for "
                    + "estrogen and progesterone receptors (ER and PR) and HER2. Age specific and age standardized incidence "
                    + "rates were calculated for Sulaimaniyah Kurds. Results were compared with Egypt and with United States (US) "
                    + "SEER data."),
            new SourceSection("RESULTS", "The median patient age was 46 years and 60.4% were < 50 years old. Tumors of 65.2% of "
                    + "women were ER+/HER2- with the rate increasing to 78.3% in patients ≥ 60 years old in proportions similar to "
                    + "US whites. The total annual age standardized incidence for breast cancer among Sulaimaniyah Kurds was "
                    + "40.5/100,000 women, a rate similar to Egypt but much lower than the US. By HR/HER2 subtype, the highest age "
                    + "specific incidence rates were 16.4 and 45.4/100,000 for ER+/PR+/HER2- tumors in women < 50 or ≥ 50 years "
                    + "old, respectively (US whites: 37.7 and 226.1/100,000). Tumors of 20.4% of Sulaimaniyah women were HER2+ "
                    + "with annual incidence rates for ER-/PR-/HER2+ tumors of women <50 or ≥ 50 years old being 4.0 and "
                    + "6.3/100,000 (US whites: 3.2 and 14.4/100,000). No significant differences in ER or HER2 status were found "
                    + "between Kurdish and Arabic patients."),
            new SourceSection("CONCLUSIONS", "Compared to the US, low age standardized and age specific breast cancer incidence "
                    + "rates were found in Kurdish women; nevertheless, the proportional expression of HR and HER2 for both Kurds "
                    + "and Arabs was comparable to that of US white women. The great majority of the breast cancer was ER+/HER2- "
                    + "and should respond to anti-estrogen therapy."));

    static final String GLOSSARY_LINE = "HER2 means a protein that can make some breast cancers grow faster.";

    final RevisionChecks checks = RevisionChecks.withDefaultPolicy();
    final DraftText drafted = new BuiltInDraftingEngine().draft(
            new SourcePaper("pubmed:22727195", TITLE, "BMC women's health", 2012, SECTIONS, List.of(), List.of(), List.of()));

    @Test
    void theEnginesDraftWithItsGlossaryLineHasNoFindingAboutIt() {
        assertThat(drafted.simpleExplanation()).contains(GLOSSARY_LINE);

        List<Finding> findings = checks.findings(revision(drafted.simpleExplanation()), RevisionChecks.ACCURACY);

        assertThat(findings).noneMatch(f -> f.getSourceSentences().contains(GLOSSARY_LINE));
        assertThat(findings).noneMatch(f -> f.getSeverity() == Severity.BLOCKER);
    }

    @Test
    void anEditorWhoReversesTheGlossaryLineGetsABlockerCitingTheGlossary() {
        String edited = drafted.simpleExplanation().replace(GLOSSARY_LINE,
                "HER2 means a protein that can make some breast cancers grow slower.");

        List<Finding> findings = checks.findings(revision(edited), RevisionChecks.ACCURACY);

        Finding blocker = findings.stream().filter(f -> f.getSeverity() == Severity.BLOCKER).findFirst().orElseThrow();
        assertThat(blocker.getRuleId()).isEqualTo("accuracy.direction");
        assertThat(blocker.getSection()).isEqualTo("simpleExplanation");
        assertThat(edited.substring(blocker.getStart(), blocker.getEnd())).contains("slower");
        assertThat(blocker.getSourceSentences()).containsExactly(GLOSSARY_LINE);
        assertThat(findings).anyMatch(f -> f.getRuleId().equals("accuracy.glossary.changed")
                && f.getSeverity() == Severity.WARNING);
    }

    SummaryEvent revision(String simpleExplanation) {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        return SummaryEvent.newBuilder()
                .setEventId("e1").setSummaryId("s1").setSequence(5).setRevision(2)
                .setType(EventType.COMPLIANCE_ADVISED).setState(WorkflowState.DRAFTING).setOccurredAt(now)
                .setActor(Actor.newBuilder().setId("accuracy-review").setRole(Role.SYSTEM).build()).setCorrelationId("c1")
                .setPaper(Paper.newBuilder().setTitle(TITLE).setLicence("CC BY 2.0")
                        .setAbstractSections(SECTIONS.stream().map(s -> AbstractSection.newBuilder().setLabel(s.label())
                                .setText(s.text()).build()).toList())
                        .setOrigin(PaperOrigin.newBuilder().setKind(SourceKind.JSON_API).setReceivedAt(now).build()).build())
                .setDraft(Draft.newBuilder().setRevision(2)
                        .setWrittenBy(Actor.newBuilder().setId("drafting").setRole(Role.SYSTEM).build())
                        .setSimpleExplanation(simpleExplanation)
                        .setParticipants(drafted.participants())
                        .setEvidenceLevel(EvidenceLevel.newBuilder().setDesign(StudyDesign.CROSS_SECTIONAL).setLevel("4")
                                .setReason(drafted.evidence().reason()).build())
                        .setKeyFindings(drafted.keyFindings().stream()
                                .map(k -> KeyFinding.newBuilder().setText(k.text()).build()).toList())
                        .setResearchSummary(drafted.researchSummary())
                        .setLimitations(drafted.limitations())
                        .setDisclaimerVersion("2025-1")
                        .build())
                .build();
    }
}
