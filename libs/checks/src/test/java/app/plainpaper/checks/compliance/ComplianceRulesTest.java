package app.plainpaper.checks.compliance;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Draft;
import app.plainpaper.checks.DraftMetadata;
import app.plainpaper.checks.PracticalImplication;
import app.plainpaper.checks.Severity;
import app.plainpaper.checks.Source;
import app.plainpaper.checks.SourceSection;
import app.plainpaper.checks.Sources;
import app.plainpaper.checks.StudyDesign;
import app.plainpaper.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One or more tests per compliance rule. */
class ComplianceRulesTest {

    private final Checks checks = Checks.withDefaultPolicy();
    private final Source oxandrolone = new Source("Anabolic steroids for treating pressure ulcers",
            List.of(new SourceSection(null, Sources.OXANDROLONE)), StudyDesign.RANDOMISED_TRIAL, null);

    private static Draft withMetadata(Draft d, DraftMetadata m) {
        return new Draft(d.simpleExplanation(), d.studyDuration(), d.participants(), d.evidenceLevel(), d.keyFindings(),
                d.researchSummary(), d.practicalImplications(), d.limitations(), m);
    }

    @Test
    void aCleanDraftPasses() {
        CheckReport r = checks.check(Sources.draft("Oxandrolone may increase the risk of non-serious adverse events."), oxandrolone);
        assertThat(r.blockers()).isEmpty();
        assertThat(r.verdict()).isNotEqualTo(Verdict.BLOCKED);
        assertThat(r.policyVersion()).isEqualTo("4");
    }

    @Test
    void disclaimerMustBeAttachedInTheCurrentVersion() {
        Draft d = Sources.draft("Oxandrolone may increase the risk of non-serious adverse events.");
        CheckReport missing = checks.check(withMetadata(d, new DraftMetadata(List.of(), false, null, null)), oxandrolone);
        assertThat(missing.byRule(DisclaimerRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.message()).contains("not attached");
        });
        CheckReport old = checks.check(withMetadata(d, new DraftMetadata(List.of(), true, "2024-3", null)), oxandrolone);
        assertThat(old.byRule(DisclaimerRule.ID)).singleElement().extracting(CheckFinding::message).asString()
                .contains("2024-3").contains("2025-1");
        assertThat(old.verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void evidenceLevelAndALimitationAreRequired() {
        Draft d = Sources.draft("Oxandrolone may increase the risk of non-serious adverse events.");
        Draft bare = new Draft(d.simpleExplanation(), d.studyDuration(), d.participants(), " ", d.keyFindings(),
                d.researchSummary(), d.practicalImplications(), List.of(), d.metadata());
        assertThat(checks.check(bare, oxandrolone).byRule(RequiredSectionsRule.ID)).extracting(CheckFinding::section)
                .containsExactlyInAnyOrder(Draft.EVIDENCE_LEVEL, Draft.LIMITATIONS);
    }

    @Test
    void animalStudiesMustSaySo() {
        Draft human = new Draft("Researchers found a way to help the brain take over walking after a complete injury.",
                null, null, "Laboratory study", List.of("Walking recovered without signals crossing the injury."), null,
                List.of(), List.of("Early research."), new DraftMetadata(List.of(), true, "2025-1", StudyDesign.ANIMAL_OR_LAB));
        assertThat(checks.check(human, Sources.rats(StudyDesign.ANIMAL_OR_LAB)).byRule(AnimalLabelRule.ID)).isEmpty();
        Draft unlabelled = new Draft("Researchers found a way to help the brain take over walking after a complete injury.",
                null, null, "Early research", List.of("Walking recovered without signals crossing the injury."), null,
                List.of(), List.of("Early research."), new DraftMetadata(List.of(), true, "2025-1", StudyDesign.ANIMAL_OR_LAB));
        assertThat(checks.check(unlabelled, Sources.rats(StudyDesign.ANIMAL_OR_LAB)).byRule(AnimalLabelRule.ID))
                .singleElement().extracting(CheckFinding::severity).isEqualTo(Severity.BLOCKER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "You should stop taking your current medication.",
            "Take 20 mg of oxandrolone every day.",
            "Ask your doctor to prescribe oxandrolone.",
            "Try oxandrolone if your ulcer does not heal.",
            "Avoid placebo tablets.",
            "People with pressure ulcers should start oxandrolone.",
            "Stop taking painkillers before surgery.",
            "We recommend that you use this drug.",
            "Don't take your usual tablets."})
    void directiveAdviceIsABlocker(String advice) {
        CheckReport r = checks.checkText("The trial lasted 24 weeks. " + advice, Sources.OXANDROLONE);
        assertThat(r.byRule(AdviceRule.ID)).as(advice).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.start()).isGreaterThanOrEqualTo("The trial lasted 24 weeks. ".length());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Participants took 20 mg of oxandrolone a day.",
            "The trial stopped early because oxandrolone had no benefit.",
            "Some participants had to stop taking the medicine because of side effects.",
            "Use of oxandrolone was compared with a placebo.",
            "Start of treatment was within a week of injury.",
            "Talk to your care team about any questions you have.",
            "Ask your care team whether these results apply to you."})
    void describingWhatTheStudyDidIsNotAdvice(String sentence) {
        assertThat(checks.checkText(sentence, Sources.OXANDROLONE).byRule(AdviceRule.ID)).as(sentence).isEmpty();
    }

    @Test
    void promotionalWordsAreWarnings() {
        assertThat(checks.checkText("A revolutionary, game-changer study: a must-read.", Sources.OXANDROLONE)
                .byRule(PromotionRule.ID)).hasSize(3).allMatch(f -> f.severity() == Severity.WARNING);
    }

    @Test
    void personalDataIsABlocker() {
        String text = "Contact j.smith@example.org or call +44 20 7946 0958 or (020) 7946 0958.";
        assertThat(checks.checkText(text, Sources.OXANDROLONE).byRule(PersonalDataRule.ID)).hasSize(3)
                .allMatch(f -> f.severity() == Severity.BLOCKER);
        assertThat(checks.checkText("RR 0.81, 95% CI 0.52 to 1.26; 1 000 000 people; 2017-2019; p = 0.001.",
                Sources.OXANDROLONE).byRule(PersonalDataRule.ID)).isEmpty();
    }

    @Test
    void longCopiedPassagesFromClosedSourcesAreWarnings() {
        String copied = "There was very low-certainty evidence on the relative effect of oxandrolone on complete ulcer healing "
                + "at the end of a 24-week treatment period (risk ratio RR) 0.81, 95% confidence interval (CI) 0.52 to 1.26).";
        String draft = "In short: " + copied;
        Source closed = new Source("", List.of(new SourceSection(null, Sources.OXANDROLONE)), null, "All rights reserved");
        List<CheckFinding> f = checks.checkText(draft, closed).byRule(CopyingRule.ID);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(draft.substring(x.start(), x.end())).startsWith("There was very").endsWith("1.26");
        });
        Source open = new Source("", List.of(new SourceSection(null, Sources.OXANDROLONE)), null, "CC BY 4.0");
        assertThat(checks.checkText(draft, open).byRule(CopyingRule.ID)).isEmpty();
        Source nc = new Source("", List.of(new SourceSection(null, Sources.OXANDROLONE)), null, "CC BY-NC 4.0");
        assertThat(checks.checkText(draft, nc).byRule(CopyingRule.ID)).hasSize(1);
    }

    @Test
    void hardSimpleExplanationIsAWarning() {
        Draft d = Sources.draft("Oxandrolone may increase the risk of non-serious adverse events.");
        Draft hard = new Draft(Sources.OXANDROLONE, d.studyDuration(), d.participants(), d.evidenceLevel(), d.keyFindings(),
                d.researchSummary(), d.practicalImplications(), d.limitations(), d.metadata());
        assertThat(checks.check(hard, oxandrolone).byRule(ReadabilityRule.ID)).singleElement().satisfies(f -> {
            assertThat(f.section()).isEqualTo(Draft.SIMPLE_EXPLANATION);
            assertThat(f.message()).contains("target is 10");
        });
        assertThat(checks.check(d, oxandrolone).byRule(ReadabilityRule.ID)).isEmpty();
    }

    @Test
    void malformedLinksAreWarnings() {
        Draft d = Sources.draft("Oxandrolone may increase the risk of non-serious adverse events.");
        Draft linked = new Draft(d.simpleExplanation(), d.studyDuration(), d.participants(), d.evidenceLevel(), d.keyFindings(),
                "Read it at https://doi.org/10.1002/14651858.CD011375.pub2 or htp://example.org or doi:10.12/abc.",
                List.of(new PracticalImplication("More", "See www.cochranelibrary.com.")), d.limitations(), d.metadata());
        List<CheckFinding> f = checks.check(linked, oxandrolone).byRule(LinkRule.ID);
        assertThat(f).extracting(CheckFinding::message).hasSize(2)
                .anyMatch(m -> m.contains("htp://example.org")).anyMatch(m -> m.contains("doi:10.12/abc"));
        assertThat(f).allMatch(x -> x.section().equals(Draft.RESEARCH_SUMMARY));
    }
}
