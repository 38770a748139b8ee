package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.Checks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policy version 3 of the number rule: counts of children, "N of M" totals, range ends, approximate figures judged
 * against the statement they paraphrase, durations. Sentences are brief quotes of the sources named above each.
 */
class NumberRuleTest {

    private final Checks checks = Checks.withDefaultPolicy();

    private List<CheckFinding> numbers(String plain, String technical) {
        return checks.checkText(plain, technical).byRule("accuracy.number");
    }

    private List<String> contradicted(String plain, String technical) {
        return numbers(plain, technical).stream().filter(f -> f.ruleId().equals(NumberRule.CONTRADICTED))
                .map(f -> plain.substring(f.start(), f.end())).toList();
    }

    // Cochrane CD005978.pub3 (zinc for pneumonia in children), pairs-dev.jsonl: technical abstract and plain summary
    private static final String ZINC = "We did not identify any new studies for inclusion in this update. "
            + "We included six studies that involved 5193 participants. Zinc supplementation in children is associated "
            + "with a reduction in the incidence and prevalence of pneumonia.";

    @Test
    void childrenAreCountedAsTheSourcesParticipants() {
        assertThat(numbers("The studies were conducted in Bangladesh, India, Peru and South Africa and involved 5193 children "
                + "aged from two to 59 months.", ZINC).stream().map(CheckFinding::message))
                .noneMatch(m -> m.contains("5193"));
        assertThat(contradicted("The studies were conducted in Bangladesh, India, Peru and South Africa and involved "
                + "7790 children aged from two to 59 months.", ZINC)).containsExactly("7790");
    }

    // github.com/jutzca/Exercise-and-fitness-in-SCI README (abstract of the review), abstracts-dev.jsonl
    private static final String EXERCISE = "Of 21,020 identified records, 120 studies comprising 29 RCTs, 67 pre-post "
            + "studies, 11 cohort, 7 cross-sectional and 6 observational studies were included. Ninety-six studies "
            + "(117 independent exercise interventions comprising 1,331 adults with SCI) were included in the secondary, "
            + "pooled meta-analysis.";

    @Test
    void theTotalOfAPartIsTheSourcesOnlyLargerFigure() {
        assertThat(contradicted("The review included 1,331 adults with spinal cord injury in ninety-six of 120 studies.",
                EXERCISE)).isEmpty();
        assertThat(contradicted("The review included 1,331 adults with spinal cord injury in ninety-six of 180 studies.",
                EXERCISE)).containsExactly("180");
    }

    // PubMedQA 25475395 (androgens and sexual desire in women), abstracts-dev.jsonl: abstract and our draft
    private static final String ANDROGENS = "This was a cross-sectional study including 560 healthy women aged 19-65 years "
            + "divided into three age groups. In a subgroup of women aged 25-44 years with no use of systemic hormonal "
            + "contraception, sexual desire correlated with TT, FT, androstenedione, and DHEAS. In women aged 45-65 years, "
            + "androstenedione correlated with sexual desire.";

    @Test
    void aRangeThatKeepsOneEndOfTheSourcesRangeAndMovesTheOtherIsContradicted() {
        String faithful = "In a subgroup of women aged 25-44 years with no use of systemic hormonal contraception, sexual "
                + "desire correlated with total testosterone.";
        assertThat(contradicted(faithful, ANDROGENS)).isEmpty();
        assertThat(contradicted(faithful.replace("25-44", "38-44"), ANDROGENS)).containsExactly("38");
        // a range the source does not give at all stays unverified: a writer's summary of several figures
        assertThat(contradicted("Women aged 30-50 years took part.", ANDROGENS)).isEmpty();
    }

    // Cochrane CD001081.pub3 (carotid endarterectomy), pairs-dev.jsonl: technical abstract and plain summary
    private static final String CAROTID = "Surgery increased the five-year risk of ipsilateral ischaemic stroke in "
            + "participants with less than 30% stenosis (N = 1746, risk ratio (RR) 1.27, 95% confidence interval (CI) "
            + "0.80 to 2.01), had no significant effect in participants with 30% to 49% stenosis (N = 1429, RR 0.93, "
            + "95%CI 0.62 to 1.38), was of benefit in participants with 50% to 69% stenosis (N = 1549, RR 0.84, 95%CI 0.60 "
            + "to 1.18), and was highly beneficial in participants with 70% to 99% stenosis without near-occlusion "
            + "(N = 1095, RR 0.47, 95%CI 0.25 to 0.88).";

    @Test
    void anApproximateFigureIsJudgedByTheStatementItParaphrasesNotByAnyNearFigure() {
        String plain = "We found the evidence to be high quality for near occlusion and less than 30% carotid stenosis; and "
                + "moderate quality for 50% to 99% carotid stenosis for any stroke or operative death.";
        assertThat(contradicted(plain, CAROTID)).isEmpty();
        // 45% is within 10% of the source's 49%, but "less than 30% stenosis" is the statement
        assertThat(contradicted(plain.replace("less than 30%", "less than 45%"), CAROTID)).containsExactly("45%");
    }

    // Cochrane CD004257.pub2 (acetaminophen for osteoarthritis), pairs-dev.jsonl: technical abstract and plain summary
    private static final String ACETAMINOPHEN = "Fifteen RCTs involving 5986 participants were included in this review. "
            + "However, the median trial duration was only 6 weeks and it is difficult to assess adverse outcomes in a "
            + "relatively short time period.";

    @Test
    void howLongStudiesLastedIsTheSourcesTrialDuration() {
        assertThat(contradicted("Most studies lasted on average about 6 weeks.", ACETAMINOPHEN)).isEmpty();
        assertThat(contradicted("Most studies lasted on average about 9 weeks.", ACETAMINOPHEN)).containsExactly("9 weeks");
        // an approximate figure near the source's stays accepted
        assertThat(contradicted("The studies tested almost 6000 people with osteoarthritis of the hip or knee.",
                ACETAMINOPHEN)).isEmpty();
    }
}
