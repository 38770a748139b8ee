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
            assertThat(x.policyVersion()).isEqualTo("2");
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
}
