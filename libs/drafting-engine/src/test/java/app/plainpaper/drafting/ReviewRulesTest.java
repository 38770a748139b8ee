package app.plainpaper.drafting;

import app.plainpaper.drafting.evidence.StudyDesignClassifier;
import app.plainpaper.drafting.extraction.DurationExtractor;
import app.plainpaper.drafting.extraction.Participants;
import app.plainpaper.drafting.extraction.ParticipantsExtractor;
import app.plainpaper.drafting.source.PaperText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review rules on text in the fixed wording of Cochrane and PRISMA abstracts (search methods, selection criteria,
 * data collection and analysis, "We included N trials with M participants", GRADE certainty). These sentences are
 * written for the test in that standard wording, not copied from any paper; the held-out Cochrane texts are not used.
 * The dev abstracts' own review sentences are in real-sentences.tsv. Each text is read as `evaluate` reads a pair:
 * no title, one unlabelled block.
 */
class ReviewRulesTest {

    private static PaperText unlabelled(String text) {
        return PaperText.read(SourcePaper.unstructured("test", "", null, null, text));
    }

    @ParameterizedTest(name = "participants of: {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "We included 12 trials with 1,234 participants. Most trials were small.|12 trials with 1,234 participants",
            "We included five randomised controlled trials involving 560 women. The trials compared two drugs.|"
                    + "Five randomised controlled trials with 560 women",
            "We included 14 studies. The studies involved 2,300 participants in total.|2,300 participants",
            "Four trials met the inclusion criteria. None reported adverse events.|-",
            "We included 8 studies (1,020 people). Three studies were at high risk of bias.|8 studies with 1,020 people",
    })
    void aReviewsParticipantsAreThePooledPeopleNotTheStudies(String text, String expected) {
        assertThat(new ParticipantsExtractor().extract(unlabelled(text)).map(Participants::text).orElse(null))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "design of: {0}")
    @CsvSource(delimiter = '|', value = {
            "We searched CENTRAL, MEDLINE and Embase to March 2020. We included randomised controlled trials comparing "
                    + "the drug with placebo. Two review authors independently assessed trials and extracted data.",
            "We included 9 randomised controlled trials with 1,024 participants. Pooled results showed less pain with "
                    + "the drug than with placebo (low-certainty evidence).",
            "Selection criteria: randomised controlled trials of exercise in adults. Data collection and analysis: we "
                    + "used standard methodological procedures.",
            "Seven double-blind placebo-controlled trials were included. The evidence was of moderate certainty, "
                    + "and the included studies were at low risk of bias.",
    })
    void aReviewIsRecognisedFromItsStructureAndIsNotReadAsTheTrialsItPools(String text) {
        assertThat(new StudyDesignClassifier().classify(unlabelled(text)).design())
                .isEqualTo(StudyDesign.SYSTEMATIC_REVIEW);
    }

    @ParameterizedTest(name = "duration of: {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "We included 6 trials. Follow-up ranged from 6 to 12 months.|Follow-up ranged from 6 to 12 months",
            "The trials had a median follow-up of 14 months.|Follow-up of 14 months",
            "Participants were treated with the drug or placebo over 24 weeks.|"
                    + "Treated with the drug or placebo over 24 weeks",
            "Trials lasted between 2 and 12 weeks.|Trials lasted between 2 and 12 weeks",
            "We searched MEDLINE from 1966 to 2012 and Embase from 1980 to 2012.|-",
            "Participants had lived with spinal cord injury for 10 years on average.|-",
    })
    void reviewAndTrialDurationsAreReadButSearchDatesAreNot(String text, String expected) {
        assertThat(new DurationExtractor().extract(unlabelled(text), StudyDesign.SYSTEMATIC_REVIEW).orElse(null))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aReviewsExplanationNamesTheDesignOnceAndExplainsItInOneSentence() {
        String text = "Objectives: To assess the effects of drug A for pain. Search methods: We searched CENTRAL, MEDLINE and "
                + "Embase to June 2020. Selection criteria: Randomised controlled trials of drug A versus placebo. "
                + "Data collection and analysis: Two review authors independently extracted data and pooled results "
                + "in a meta-analysis. Main results: We included 5 trials with 400 participants. Drug A reduced pain "
                + "more than placebo. Authors' conclusions: Drug A may reduce pain.";
        String explanation = new BuiltInDraftingEngine()
                .draft(SourcePaper.unstructured("test", "", null, null, text)).simpleExplanation();
        assertThat(explanation).contains("This is a systematic review.")
                .contains("Systematic review means")
                .doesNotContain("or meta-analysis")
                .doesNotContain("Meta-analysis means");
    }
}
