package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Severity;
import app.plainpaper.checks.Source;
import app.plainpaper.checks.SourceSection;
import app.plainpaper.checks.Sources;
import app.plainpaper.checks.StudyDesign;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One or more tests per accuracy rule, on real sentences (see {@link Sources} for where each comes from). */
class AccuracyRulesTest {

    private final Checks checks = Checks.withDefaultPolicy();

    private List<CheckFinding> findings(String plain, String technical, String rulePrefix) {
        return checks.checkText(plain, technical).byRule(rulePrefix);
    }

    @Test
    void numberThatMatchesTheSourceIsFineEvenWrittenOutOrRounded() {
        assertThat(findings("We found only one trial involving a total of 212 participants. The trial lasted twenty-four weeks "
                + "and 98% of the placebo was starch.", Sources.OXANDROLONE, "accuracy.number")).isEmpty();
    }

    @Test
    void numberThatContradictsTheSourceIsABlockerCitingTheSourceSentence() {
        List<CheckFinding> f = findings("We found only one trial involving a total of 318 participants.", Sources.OXANDROLONE,
                "accuracy.number");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo(NumberRule.CONTRADICTED);
            assertThat(x.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(x.message()).contains("318").contains("212");
            assertThat(x.sourceSentences()).singleElement().asString().contains("212 participants");
            assertThat(x.policyVersion()).isEqualTo("4");
        });
        String draft = "We found only one trial involving a total of 318 participants.";
        assertThat(draft.substring(f.get(0).start(), f.get(0).end())).isEqualTo("318");
    }

    @Test
    void doseAndDurationChangesAreBlockers() {
        assertThat(findings("This trial compared oxandrolone (40 mg/day, taken by mouth) with a placebo.", Sources.OXANDROLONE,
                "accuracy.number")).extracting(CheckFinding::ruleId).containsExactly(NumberRule.CONTRADICTED);
    }

    @Test
    void numbersTheSourceLacksAreOnlyUnverified() {
        // search dates and natural frequencies are typical of human plain summaries (CD011375 plain text)
        List<CheckFinding> f = findings("In March 2017, we searched for trials. About 74 per 1,000 people had side effects. "
                + "The trial was conducted over 24 weeks with a further follow-up for eight weeks.", Sources.OXANDROLONE,
                "accuracy.number");
        assertThat(f).isNotEmpty().allSatisfy(x -> {
            assertThat(x.ruleId()).isEqualTo(NumberRule.UNVERIFIED);
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(f).extracting(CheckFinding::message).anyMatch(m -> m.contains("March 2017"))
                .anyMatch(m -> m.contains("74 per 1,000")).anyMatch(m -> m.contains("eight weeks"));
    }

    @Test
    void directionReversedIsABlocker() {
        String clean = "We found that pembrolizumab probably improves overall survival a little.";
        assertThat(findings(clean, Sources.PEMBROLIZUMAB, "accuracy.direction")).isEmpty();
        List<CheckFinding> f = findings(clean.replace("improves", "worsens"), Sources.PEMBROLIZUMAB, "accuracy.direction");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(x.message()).contains("worsens").contains("improves");
        });
        assertThat(findings("People had fewer adverse events with tramadol than with placebo.", Sources.TRAMADOL,
                "accuracy.direction")).hasSize(1);
        assertThat(findings("People had more adverse events with tramadol than with placebo.", Sources.TRAMADOL,
                "accuracy.direction")).isEmpty();
    }

    @Test
    void negationTurnedAroundIsABlockerEitherWay() {
        String clean = "There was also no difference in terms of maternal quality of life.";
        assertThat(findings(clean, Sources.ULTRASOUND, "accuracy.negation")).isEmpty();
        assertThat(findings("There was also a difference in terms of maternal quality of life.", Sources.ULTRASOUND,
                "accuracy.negation")).singleElement().extracting(CheckFinding::severity).isEqualTo(Severity.BLOCKER);
        // a change the source states plainly, negated in the draft
        assertThat(findings("Pembrolizumab probably does not reduce the risk of death from any cause.", Sources.PEMBROLIZUMAB,
                "accuracy.negation")).hasSize(1);
        assertThat(findings("Pembrolizumab probably reduces the risk of death from any cause.", Sources.PEMBROLIZUMAB,
                "accuracy.negation")).isEmpty();
    }

    @Test
    void hypeWordsAreBlockersUnlessNegated() {
        List<CheckFinding> f = findings("Oxandrolone is a proven cure for pressure ulcers.", Sources.OXANDROLONE, "accuracy.certainty");
        assertThat(f).filteredOn(x -> x.ruleId().equals(CertaintyRule.HYPE)).extracting(CheckFinding::message)
                .anyMatch(m -> m.contains("proven")).anyMatch(m -> m.contains("cure"));
        assertThat(findings("There is no cure for spinal cord injury yet.", Sources.OXANDROLONE, CertaintyRule.HYPE)).isEmpty();
    }

    @Test
    void hedgedFindingStatedAsCertainIsAWarning() {
        List<CheckFinding> f = findings("Treatment with oxandrolone causes non-serious adverse events in participants.",
                Sources.OXANDROLONE, CertaintyRule.OVERSTATED);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.message()).contains("may").contains("causes");
        });
        assertThat(findings("Treatment with oxandrolone may increase the risk of non-serious adverse events.",
                Sources.OXANDROLONE, CertaintyRule.OVERSTATED)).isEmpty();
    }

    @Test
    void causalLanguageAboutAnObservationalStudyIsAWarning() {
        // github-readme:jutzca/Effect-of-ageing-on-recovery-after-SCI (abstracts-dev.jsonl), MIT-licensed README
        Source cohort = new Source("Effect of ageing on recovery after SCI", List.of(new SourceSection("Methods",
                "We conducted a prospective cohort study using the data from patients with traumatic and ischemic SCI."),
                new SourceSection("Results", "Age was significantly associated with reduced SCIM improvement (p < 0.001).")),
                StudyDesign.COHORT, null);
        CheckReport r = checks.checkText("Older age causes poorer recovery of independence.", cohort);
        assertThat(r.byRule(CertaintyRule.CAUSAL_OBSERVATIONAL)).singleElement()
                .extracting(CheckFinding::severity).isEqualTo(Severity.WARNING);
        assertThat(checks.checkText("Older age was linked to poorer recovery of independence.", cohort)
                .byRule(CertaintyRule.CAUSAL_OBSERVATIONAL)).isEmpty();
    }

    @Test
    void animalFindingPresentedAsHumanIsABlocker() {
        Source rats = Sources.rats(null); // design unknown: inferred from the text
        CheckReport r = checks.checkText("Patients with complete spinal cord injury recovered unassisted walking.", rats);
        assertThat(r.byRule(PopulationRule.ANIMAL)).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(x.message()).contains("Patients").contains("rats");
        });
        assertThat(checks.checkText("Adult rats with complete spinal cord injury recovered unassisted walking.", rats)
                .byRule(PopulationRule.ANIMAL)).isEmpty();
        assertThat(checks.checkText("This might one day help people with spinal cord injury walk again.", rats)
                .byRule(PopulationRule.ANIMAL)).isEmpty();
    }

    @Test
    void subgroupPresentedAsEveryoneIsAWarning() {
        // cochrane CD008884.pub2 technical text, one sentence (pairs-dev.jsonl)
        String source = "In subgroup analyses of nine trials using preoperative antibiotics, a high fraction of inspired oxygen "
                + "was associated with a decrease in surgical site infections.";
        assertThat(findings("In patients, a high fraction of inspired oxygen was associated with a decrease in surgical site "
                + "infections.", source, PopulationRule.SUBGROUP)).singleElement()
                .extracting(CheckFinding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void entitiesAbsentFromTheSourceAreWarnings() {
        List<CheckFinding> f = findings("Oxandrolone lowered IL-6 and worked better than riluzole for the spine.",
                Sources.OXANDROLONE, EntityRule.ID);
        assertThat(f).extracting(CheckFinding::message)
                .anyMatch(m -> m.contains("IL-6")).anyMatch(m -> m.contains("riluzole"))
                .noneMatch(m -> m.contains("Oxandrolone")).noneMatch(m -> m.contains("spine"));
        assertThat(f).allMatch(x -> x.severity() == Severity.WARNING);
        assertThat(findings("TNF alpha rose.", "Levels of TNF-\u03b1 rose after injury.", EntityRule.ID)).isEmpty();
    }

    /** Lou et al. 2022 (CC BY), the site's reference study (libs/drafting-engine reference-study.json), methods sentence. */
    private static final String LOU = "For this case-control study, we recruited 30 cancer patients with bone metastasis and 30 healthy "
            + "individuals. Finally, the pain score and the quality of life score improved significantly after radiotherapy.";

    @Test
    void aWrongCountBesideTheRightOneIsABlocker() {
        assertThat(findings("The study compared 30 cancer patients with bone metastasis and 30 healthy individuals.", LOU,
                "accuracy.number")).isEmpty();
        List<CheckFinding> f = findings("The study compared 40 cancer patients with bone metastasis and 30 healthy individuals.",
                LOU, "accuracy.number");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo(NumberRule.CONTRADICTED);
            assertThat(x.message()).contains("40").contains("30");
        });
        // the sum of the two groups is derived, not contradicted
        assertThat(findings("In all, 60 people took part: 30 cancer patients with bone metastasis and 30 healthy individuals.",
                LOU, "accuracy.number")).extracting(CheckFinding::ruleId).doesNotContain(NumberRule.CONTRADICTED);
    }

    @Test
    void figuresOfTheSameStatementIdentifyTheQuantity() {
        // CD006005.pub2 (pairs-dev.jsonl): technical "Four trials, recruiting 136 participants, were included."
        String source = "Four trials, recruiting 136 participants, were included. No meta-analyses were performed since the "
                + "identified trials assessed different comparisons.";
        assertThat(findings("We found only four randomised clinical trials that compared different prophylactic regimens in "
                + "136 participants.", source, "accuracy.number")).isEmpty();
        assertThat(findings("We found only four randomised clinical trials that compared different prophylactic regimens in "
                + "204 participants.", source, "accuracy.number")).extracting(CheckFinding::ruleId)
                .containsExactly(NumberRule.CONTRADICTED);
        // pubmed 24042993 (abstracts-dev.jsonl): an age is the same quantity when the words after it agree
        assertThat(findings("A 44-year-old female had low backache.", "A 29-year-old female presented to us with low "
                + "backache and paraplegia of 1 month duration.", "accuracy.number")).extracting(CheckFinding::ruleId)
                .contains(NumberRule.CONTRADICTED);
    }

    @Test
    void aMeasuredQuantityIsNotFoundInABareNumberNearby() {
        // pubmed 26862044 (abstracts-dev.jsonl): "9 weeks" is not the "8.9" of a table of ESR values
        String source = "ESR levels were 8.9 and 24.1 mm/h. At 6 weeks postoperatively, ESR levels differed significantly "
                + "between groups A and B.";
        assertThat(findings("At 9 weeks postoperatively, ESR levels differed significantly between groups A and B.", source,
                "accuracy.number")).extracting(CheckFinding::ruleId).containsExactly(NumberRule.CONTRADICTED);
    }

    @Test
    void aPercentageOfSomethingElseIsNotContradicted() {
        // CD001081.pub3 (pairs-dev.jsonl): the plain text's "less than 7% risk of stroke" is not the source's "30% stenosis"
        String source = "Surgery increased the five-year risk of ipsilateral ischaemic stroke in participants with less than 30% "
                + "stenosis, and was highly beneficial in participants with 70% to 99% stenosis without near-occlusion.";
        assertThat(findings("Older participants with 70% to 99% stenosis had the most benefit from surgery, if their surgeons "
                + "had low complication rates (less than 7% risk of stroke and death).", source, "accuracy.number"))
                .extracting(CheckFinding::ruleId).doesNotContain(NumberRule.CONTRADICTED);
    }

    @Test
    void noEvidenceOfAnyEffectAgreesWithTheSameStatementReworded() {
        // pubmedqa 19444061 (abstracts-dev.jsonl) and our engine's draft of it: the abbreviation spelled out
        String source = "No evidence was found for OPLL to have any effect on the initial neurologic status or recovery in motor "
                + "function after traumatic cervical cord injury, suggesting that the neurologic outcome is not significantly "
                + "dependent on canal space.";
        String draft = "No evidence was found for ossification of the posterior longitudinal ligament to have any effect on the "
                + "first neurologic status or recovery in motor function after traumatic cervical cord injury, suggesting "
                + "that the neurologic result is not significantly dependent on canal space.";
        assertThat(findings(draft, source, "accuracy.negation")).isEmpty();
        assertThat(findings(draft.replace("No evidence was found", "Evidence was found"), source, "accuracy.negation"))
                .hasSize(1);
    }

    @Test
    void notLinkedToChangesIsAboutTheLinkNotTheChanges() {
        // jutzca/Effect-of-ageing-on-recovery-after-SCI (abstracts-dev.jsonl) and our engine's draft of it
        String source = "Linear regression models assessed the effect of age on changes from baseline to 1 year after SCI in "
                + "total motor score (TMS). Age was not associated with changes in TMS (p = 0.896) but was significantly "
                + "associated with reduced SCIM improvement (p < 0.001).";
        assertThat(findings("Age was not linked to changes in total motor score.", source, "accuracy.negation")).isEmpty();
        assertThat(findings("The key findings were that age was not linked to changes in total motor score.", source,
                "accuracy.negation")).isEmpty();
    }

    @Test
    void aClaimResearchMakesOnlyNegatedIsABlockerWhenNotNegated() {
        // our engine's limitation sentence for observational designs
        assertThat(findings("As an observational study, it can show links but cannot prove cause and effect.",
                Sources.OXANDROLONE, "accuracy.negation")).isEmpty();
        assertThat(findings("As an observational study, it can show links but can prove cause and effect.",
                Sources.OXANDROLONE, "accuracy.negation")).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.BLOCKER));
    }

    @Test
    void twoDirectionWordsThatQualifyEachOtherAreComparedAsARelation() {
        // jutzca/Effect-of-ageing-on-recovery-after-SCI (abstracts-dev.jsonl), results sentence
        String source = "Sensory outcomes were not significantly affected by age (p = 0.273), while ambulation recovery declined "
                + "with increasing age (all outcomes p < 0.01).";
        assertThat(findings("Sensory results were not significantly affected by age, while ambulation recovery declined with "
                + "increasing age.", source, "accuracy.direction")).isEmpty();
        assertThat(findings("Sensory results were not significantly affected by age, while ambulation recovery declined with "
                + "decreasing age.", source, "accuracy.direction")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("decreasing").contains("increasing"));
        // pubmed 27797938 and our engine's draft of it: "learn more about" says nothing about a direction
        assertThat(findings("The researchers wanted to learn more about leucocyte telomere length and risk of pancreatic cancer.",
                "Shorter prediagnostic leucocyte telomere length was associated with higher risk of pancreatic cancer.",
                "accuracy.direction")).isEmpty();
    }
}
