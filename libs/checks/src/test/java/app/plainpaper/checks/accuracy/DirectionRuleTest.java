package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction rule's readings added in policy versions 3 and 4, on real sentences: each pair is a source sentence and a
 * plain sentence written from it, faithful (no blocker) and with its direction turned round (a blocker).
 */
class DirectionRuleTest {

    private final Checks checks = Checks.withDefaultPolicy();

    private List<CheckFinding> direction(String plain, String technical) {
        return checks.checkText(plain, technical).byRule(DirectionRule.ID);
    }

    /**
     * Anderson et al., PLOS Medicine 2022 (CC BY 4.0), doi 10.1371/journal.pmed.1004082, as summarised in the README of
     * github.com/jutzca/Exercise-and-fitness-in-SCI; from /work/shared/data/abstracts-dev.jsonl.
     */
    private static final String META_REGRESSION = "The meta-regression found that studies with a higher mean age of "
            + "participants were associated with smaller changes in AV̇O2peak and RV̇O2peak (p<0.10).";

    @Test
    void twoDirectionsAcrossAnAssociationAreARelationHoweverLongTheSubject() {
        assertThat(direction("The meta-regression found that studies with a higher mean age of people were linked to smaller "
                + "changes in AV̇O2peak and RV̇O2peak.", META_REGRESSION)).isEmpty();
        // both turned round: the same relation
        assertThat(direction("The meta-regression found that studies with a lower mean age of people were linked to larger "
                + "changes in AV̇O2peak and RV̇O2peak.", META_REGRESSION)).isEmpty();
        assertThat(direction("The meta-regression found that studies with a lower mean age of people were linked to smaller "
                + "changes in AV̇O2peak and RV̇O2peak.", META_REGRESSION)).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
                    assertThat(f.message()).contains("lower ... smaller").contains("higher ... smaller");
                });
    }

    @Test
    void aFixedPhraseTurnedRoundIsADirectionReversed() {
        // Cochrane CD003635.pub3 (cerebrospinal fluid drainage), technical and plain text; pairs-dev.jsonl
        String technical = "In the first trial of 98 participants, neurological deficits in the lower extremities occurred in "
                + "14 (30%) of CSFD group and 17 (33%) controls.";
        assertThat(direction("In the first trial of 98 patients, neurological deficits in the lower extremities occurred in "
                + "about one third of patients with or without drainage.", technical)).isEmpty();
        assertThat(direction("In the first trial of 98 patients, neurological deficits in the higher extremities occurred in "
                + "about one third of patients with or without drainage.", technical)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\"higher\"").contains("\"lower\""));
    }

    /** Cochrane CD012413.pub2 (high-volume enteral feeds), technical text, abridged; pairs-dev.jsonl. */
    private static final String FEEDS = "Analysis showed a higher rate of weight gain in the high-volume feeds group: mean "
            + "difference 6.20 g/kg/d (95% confidence interval 2.71 to 9.69). We found only very limited data from one small "
            + "unblinded trial on the effects of high-volume feeds on important outcomes for preterm or low birth weight infants.";

    @Test
    void aComparisonWithThanIsAboutWhatItCompares() {
        // the plain text of the same review: "high-volume" is a direction about volume; "more milk than standard volumes"
        // is about milk and volumes, not about the weight gain around it
        assertThat(direction("Very low birth weight infants who receive more milk than standard volumes gain weight more "
                + "quickly during their hospital stay.", FEEDS)).isEmpty();
        assertThat(direction("Very low birth weight infants who receive less milk than standard volumes gain weight more "
                + "quickly during their hospital stay.", FEEDS)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\"less\"").contains("high-volume"));
        assertThat(direction("Low-volume feeds might increase the rate of weight gain.", FEEDS)).hasSize(1);
    }

    @Test
    void aComparativeThatSizesAChangeIsPartOfThatChange() {
        // Cochrane CD004257.pub2 (acetaminophen for osteoarthritis), a technical and a plain sentence; pairs-dev.jsonl.
        // "decreased by 4 more points" is one change, a larger decrease, not "decreased" against "more"
        String technical = "Compared to placebo, a pooled analysis of five trials of overall pain demonstrated a statistically "
                + "significant reduction in pain (SMD -0.13, 95% CI -0.22 to -0.04).";
        String plain = "Pain decreased by 4 more points for people who took acetaminophen instead of a placebo.";
        assertThat(direction(plain, technical)).isEmpty();
        var index = new app.plainpaper.checks.alignment.SourceIndex(app.plainpaper.checks.Source.ofText(technical), java.util.Map.of());
        var rule = checks.policy().rule(DirectionRule.ID);
        assertThat(DirectionRule.moves(rule, index, plain, java.util.Set.of())).singleElement()
                .satisfies(m -> assertThat(m.up()).isFalse());
        // "decreased by 4 fewer points": a smaller decrease than with placebo, relatively more pain
        assertThat(DirectionRule.moves(rule, index, plain.replace("more", "fewer"), java.util.Set.of())).singleElement()
                .satisfies(m -> assertThat(m.up()).isTrue());
    }

    @Test
    void aComparisonOfDosesIsCheckedAgainstTheDosesTheSourceGives() {
        // Cochrane CD011474.pub2 (ibuprofen for tension-type headache), technical sentence abridged and plain text; pairs-dev.jsonl
        String technical = "While 3094 people with TTH participated in these studies, the numbers available for any form of "
                + "analysis were lower than this; placebo was taken by 733, standard ibuprofen 200 mg by 127, standard ibuprofen "
                + "400 mg by 892, and fast-acting ibuprofen 400 mg by 230.";
        String plain = "Of these, about 1800 were included in comparisons between ibuprofen 400 mg and placebo. Others involved "
                + "lower doses of ibuprofen, or different types of ibuprofen, or were in comparisons with other active drugs.";
        assertThat(direction(plain, technical)).isEmpty();
        assertThat(direction(plain.replace("lower doses", "higher doses"), technical)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("higher doses of ibuprofen").contains("ibuprofen 200 mg"));
        // no dose of its own to compare with: the draft's "higher doses" is not judged
        assertThat(direction("Others involved higher doses of ibuprofen.", technical)).isEmpty();
    }

    @Test
    void anEffectEstimateIsADirection() {
        // Cochrane CD007105.pub4 (regional anaesthesia for persistent postsurgical pain), technical and plain sentences;
        // pairs-dev.jsonl. OR 0.46 with its CI below 1: fewer people with persistent pain
        String caesarean = "Pooling data at three to 8 months after surgery from four RCTs favoured regional anaesthesia after "
                + "caesarean section with an OR of 0.46, (95% CI 0.28 to 0.78; 551 participants, moderate-quality evidence).";
        String plain = "Regional anaesthesia reduced the odds by more than half of a woman experiencing persistent pain after "
                + "caesarean section (4 RCTs, 551 participants, moderate-quality evidence).";
        assertThat(direction(plain, caesarean)).isEmpty();
        assertThat(direction(plain.replace("reduced", "increased"), caesarean)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\"increased\"").contains("0.46"));
    }

    @Test
    void anUnclearEstimateThatLeansOneWayMeetsOnlyAHedgedNegation() {
        // Cochrane CD007105.pub4 as above: OR 0.20, CI 0.04 to 1.09, "inconclusive"
        String technical = "Evidence synthesis of three RCTs investigating continuous infusion with local anaesthetic for the "
                + "prevention of PPP three to 55 months after iliac crest bone graft harvesting (ICBG) was inconclusive (OR 0.20, "
                + "95% CI 0.04 to 1.09; 123 participants, low-quality evidence).";
        String plain = "Continuous local anaesthetic infusion of the site where bone tissue was obtained from the hip bone did "
                + "not clearly reduce the number of people with persistent pain at three to 55 months (3 RCTs, 123 participants, "
                + "low-quality evidence).";
        assertThat(direction(plain, technical)).isEmpty();
        // "did not clearly increase" doubts an increase the estimate never leaned to
        assertThat(direction(plain.replace("reduce", "increase"), technical)).hasSize(1);
        // "did not increase" is true of an estimate that leans to fewer: not judged
        assertThat(direction(plain.replace("not clearly reduce", "not increase"), technical)).isEmpty();
    }

    @Test
    void aThresholdIsNoDirectionAndAnEstimateIsAboutItsOwnClause() {
        // Cochrane CD007105.pub4, technical and plain sentences; pairs-dev.jsonl. "20 or more months" is a threshold,
        // and the estimate (OR 0.43, fewer people with persistent pain) says nothing about the length of follow-up
        String technical = "Simlarly, evidence synthesis of 18 RCTs favoured regional anaesthesia for the prevention of "
                + "persistent pain three to 12 months after breast cancer surgery with an OR of 0.43 (95% CI 0.28 to 0.68, "
                + "1297 participants, low-quality evidence).";
        assertThat(direction("Follow-up was for 1293 participants at three months, 1365 participants at six months, 326 "
                + "participants at 12 months, and 43 participants at 20 or more months after surgery.", technical)).isEmpty();
    }

    /**
     * Journal of Neurotrauma 2020, doi 10.1089/neu.2020.7144, as posted by an author
     * (github H-Mateus/personal_website); from /work/shared/data/abstracts-dev.jsonl.
     */
    private static final String EXCLUDED_MEASURES = "Routine blood and clinical data were collected from SCI patients (n=427) "
            + "and blood measures that had been assessed in less than 50% of patients were excluded.";

    @Test
    void aThresholdTurnedRoundAtTheSameFigureIsReversed() {
        assertThat(direction("Blood measures that had been checked in less than 50% of patients were left out.",
                EXCLUDED_MEASURES)).isEmpty();
        // "no more than 50%" is below 50% too: the longer phrase wins over the "more than 50%" inside it
        assertThat(direction("Blood measures that had been checked in no more than 50% of patients were left out.",
                EXCLUDED_MEASURES)).isEmpty();
        assertThat(direction("Blood measures that had been checked in more than 50% of patients were left out.",
                EXCLUDED_MEASURES)).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
                    assertThat(f.message()).contains("more than 50").contains("less than 50");
                    assertThat(f.sourceSentences()).containsExactly(EXCLUDED_MEASURES);
                });
        // the same figure as a threshold about something else is not compared
        assertThat(direction("The study followed more than 50 people for a year.", EXCLUDED_MEASURES)).isEmpty();
    }

    @Test
    void aPValueOnTheOtherSideOfItsThresholdIsReversed() {
        assertThat(direction("Studies with a higher mean age of people were linked to smaller changes in AV̇O2peak and "
                + "RV̇O2peak (p<0.10).", META_REGRESSION)).isEmpty();
        assertThat(direction("Studies with a higher mean age of people were linked to smaller changes in AV̇O2peak and "
                + "RV̇O2peak (p>0.10).", META_REGRESSION)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(">0.10").contains("<0.10"));
    }

    @Test
    void anAgeLimitTurnedRoundIsReversed() {
        // NEJM 2018, doi 10.1056/NEJMoa1715274 (pubmed:29768149), from /work/shared/data/abstracts-dev.jsonl
        String technical = "We conducted a 52-week, double-blind trial involving patients 12 years of age or older with mild asthma.";
        assertThat(direction("The trial included people aged 12 years or older with mild asthma.", technical)).isEmpty();
        assertThat(direction("The trial included people aged 12 years or younger with mild asthma.", technical))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.BLOCKER));
    }

    @Test
    void aMeanDifferenceWhoseIntervalExcludesZeroIsADirection() {
        // Cochrane CD003902 (theophylline for COPD), technical text; pairs-dev.jsonl
        String technical = "Similarly for forced vital capacity (FVC): WMD 210 ml 95%CI 100 to 320.";
        assertThat(direction("Forced vital capacity (FVC) increased with theophylline.", technical)).isEmpty();
        assertThat(direction("Forced vital capacity (FVC) decreased with theophylline.", technical)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("decreased").contains("210 ml 95%CI 100 to 320"));
        // an interval that crosses zero says no clear direction: nothing to reverse
        String unclear = "Walking distance tests did not improve (four studies, Standardised Mean Difference 0.30, "
                + "95%CI -0.01 to 0.62).";
        assertThat(direction("Walking distance got shorter in four studies.", unclear)).isEmpty();
    }

    /** Cochrane CD001081.pub3 (carotid endarterectomy), technical text, abridged; pairs-dev.jsonl. */
    private static final String CAROTID = "Surgery increased the five-year risk of ipsilateral ischaemic stroke in participants "
            + "with less than 30% stenosis (N = 1746, risk ratio (RR) 1.27, 95% confidence interval (CI) 0.80 to 2.01), had no "
            + "significant effect in participants with 30% to 49% stenosis (N = 1429, RR 0.93, 95%CI 0.62 to 1.38), was of "
            + "benefit in participants with 50% to 69% stenosis (N = 1549, RR 0.84, 95%CI 0.60 to 1.18), and was highly "
            + "beneficial in participants with 70% to 99% stenosis without near-occlusion (N = 1095, RR 0.47, 95%CI 0.25 to "
            + "0.88). Endarterectomy was of some benefit for participants with 50% to 69% symptomatic stenosis "
            + "(moderate-quality evidence), and highly beneficial for those with 70% to 99% stenosis without near-occlusion "
            + "(moderate-quality evidence).";

    @Test
    void theFiguresOfASubgroupSayWhichClauseOfTheSourceABenefitOrHarmIsAbout() {
        // the plain sentences of the same review
        String mostBenefit = "Results showed that older male participants with 70% to 99% stenosis, without occlusion, and "
                + "recent (within two weeks) TIA or stroke, had the most benefit from surgery.";
        assertThat(direction(mostBenefit, CAROTID)).isEmpty();
        assertThat(direction(mostBenefit.replace("benefit", "harm"), CAROTID)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\"harm\"").contains("beneficial"));
        // the clause about less than 30% says the risk of stroke went up: harm, though the sentence is mostly benefit
        assertThat(direction("Surgery tended to harm participants with less than 30% stenosis.", CAROTID)).isEmpty();
        assertThat(direction("Surgery tended to benefit participants with less than 30% stenosis.", CAROTID)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\"benefit\"").contains("increased"));
    }

    @Test
    void aSizedChangeInPainMeetsTheImprovementTheSourceGivesTheSameFiguresTo() {
        // Cochrane CD004257.pub2 (acetaminophen for osteoarthritis), technical and plain text; pairs-dev.jsonl
        String technical = "Compared to placebo, a pooled analysis of five trials of overall pain using multiple methods "
                + "demonstrated a statistically significant reduction in pain (SMD -0.13, 95% CI -0.22 to -0.04), which is of "
                + "questionable clinical significance. The relative percent improvement from baseline was 5% with an absolute "
                + "change of 4 points on a 0 to 100 scale. The NNT to achieve an improvement in pain ranged from 4 to 16.";
        String plain = "Pain decreased by 4 more points on a scale of 0-100 for people who took acetaminophen instead of a placebo.";
        assertThat(direction(plain, technical)).isEmpty();
        assertThat(direction(plain.replace("more points", "fewer points"), technical)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("fewer").contains("improvement"));
    }

    @Test
    void aTimePointAnchorsAFindingToTheClauseThatNamesIt() {
        // Cochrane CD006285.pub2 (autoinflation for glue ear), the whole technical text and a plain sentence; pairs-dev.jsonl.
        // "one month" is in three of its sentences: the words before it ("more than") say which ones.
        String technical = "Eight studies, with a total of 702 participants, met the inclusion criteria. Overall, the studies "
                + "were predominantly assessed as being at low or unclear risk of bias; unclear risk was mainly due "
                + "lack of information. There was no evidence of selective reporting. Pooled estimates favoured the "
                + "intervention, but did not show a significant effect on tympanometry (type C2 and B) at less than one "
                + "month, nor at more than one month. Similarly, there were no significant changes for discrete "
                + "pure-tone audiometry and non-discrete audiometry. Pooled estimates favoured, but not significantly, "
                + "the intervention for the composite measure of tympanogram or audiometry at less than one month; at "
                + "more than one month the result became significant (RRI 1.74, 95% CI 1.22 to 2.50). Subgroup analysis "
                + "based on the type of intervention showed a significant effect using a Politzer device under one "
                + "month (RRI 7.07, 95% CI 3.70 to 13.51) and over one month (RRI 2.25, 95% CI 1.67 to 3.04). None of "
                + "the studies demonstrated a significant difference in the incidence of side effects between "
                + "interventions. All of the studies were small, of limited treatment duration and had short follow-up. "
                + "However, because of the low cost and absence of adverse effects it is reasonable to consider "
                + "autoinflation whilst awaiting natural resolution of otitis media with effusion. Primary care could "
                + "prove a beneficial place to evaluate such interventions and there is ongoing research in this area. "
                + "Further research should also consider the duration of treatment, the long-term impact on "
                + "developmental outcomes in children and additional quality of life outcome measures for children and "
                + "families.";
        String plain = "Improvement was demonstrated only in 'more than one month' analyses.";
        assertThat(direction(plain, technical)).isEmpty();
        assertThat(direction(plain.replace("Improvement", "Worsening"), technical)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Worsening").contains("favoured the intervention"));
    }

    @Test
    void aClauseThatOnlyNamesTheTimeDefersToTheClauseBesideIt() {
        // PubMed 31371236 (case report), abstract sentence; abstracts-dev.jsonl
        String technical = "Four days later, the fungal pneumonia was improved, but the patient's blood pressure and arterial "
                + "oxygen saturation deteriorated, so computed tomography (CT) scans were preformed to reevaluate him.";
        assertThat(direction("Four days later, the fungal pneumonia was improved.", technical)).isEmpty();
        assertThat(direction("Four days later, the fungal pneumonia was worsened.", technical)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("worsened").contains("improved"));
    }

    @Test
    void twoNegatedChangesInOppositeDirectionsBothSayNothingChanged() {
        // Cochrane CD010528.pub4 (herbal medicines for neuropathic pain), technical sentence; pairs-dev.jsonl.
        // "did not increase pain relief" and "no pain reduction" can both be true: neither reverses the other
        String technical = "Visual analogue scale (VAS) scores for pain reduction (0 to 100, where 0 = no pain reduction), "
                + "were 44 for both nutmeg and placebo with standard deviations of 21.5 and 26.5 respectively.";
        assertThat(direction("Nutmeg did not increase pain relief compared with placebo.", technical)).isEmpty();
        // a plain change against the source's plain change is still judged
        assertThat(direction("Pembrolizumab probably increases the risk of death.", "Pembrolizumab probably reduces the "
                + "risk of death from any cause (hazard ratio (HR) 0.73, 95% confidence interval (CI) 0.59 to 0.90).")).hasSize(1);
    }

    @Test
    void aDirectionWordInWhatANullFindingIsAboutNamesTheOutcome() {
        // Cochrane CD012838.pub2 (pembrolizumab), two technical sentences; pairs-dev.jsonl
        String technical = "Pembrolizumab may slightly improve quality of life with a mean difference (MD) of 9.05, 95% CI "
                + "4.61 to 13.50; low certainty evidence). Pembrolizumab may have little or no effect on disease progression "
                + "(HR 0.98, 95% CI 0.81 to 1.19; low certainty evidence).";
        assertThat(direction("Pembrolizumab may make little or no difference to whether the disease gets worse.", technical))
                .isEmpty();
        assertThat(direction("Pembrolizumab may make quality of life worse.", technical)).hasSize(1);
    }

    @Test
    void anEstimateOfAnotherOutcomeDoesNotAgreeThroughTheDrugItNamesOrTheWordRiskOfItsLabel() {
        // Cochrane CD012838.pub2 (pembrolizumab for urothelial carcinoma), technical text, abridged; pairs-dev.jsonl
        String technical = "Primary outcomes Pembrolizumab probably reduces the risk of death from any cause (hazard ratio "
                + "(HR) 0.73, 95% confidence interval (CI) 0.59 to 0.90; moderate certainty evidence). Pembrolizumab may "
                + "slightly improve quality of life with a mean difference (MD) of 9.05, 95% CI 4.61 to 13.50; low certainty "
                + "evidence). Pembrolizumab probably improves treatment response (based on complete or partial radiologic "
                + "response) with a risk ratio (RR) of 1.85, 95% CI 1.24 to 2.77; moderate certainty evidence). Pembrolizumab "
                + "may reduce serious adverse events (RR 0.83, 95 CI 0.72 to 0.97; low certainty evidence).";
        assertThat(direction("Pembrolizumab probably reduces the risk of death compared with chemotherapy.", technical)).isEmpty();
        // "RR of 1.85" is up, names pembrolizumab and (in its label) "risk": it must not count as saying death went up
        assertThat(direction("Pembrolizumab probably increases the risk of death compared with chemotherapy.", technical))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("\"increases\"").contains("\"reduces\""));
        assertThat(direction("Pembrolizumab probably improves treatment response.", technical)).isEmpty();
    }
}
