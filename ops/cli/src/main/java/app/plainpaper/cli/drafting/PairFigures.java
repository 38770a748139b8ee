package app.plainpaper.cli.drafting;

import app.plainpaper.text.Readability;
import app.plainpaper.text.ReadabilityFigures;
import app.plainpaper.drafting.sections.SectionFigures;

/**
 * Our draft beside the human plain-language summary of the same technical text.
 *
 * @param ours       figures of our draft (readability of its Simple Explanation, numbers over the whole draft)
 * @param humanGrade Flesch-Kincaid grade of the human summary
 * @param humanMeanSentenceLength words per sentence of the human summary
 * @param humanUnsupportedNumbers numbers in the human summary whose value the technical text does not contain
 */
record PairFigures(DraftFigures ours, double humanGrade, double humanMeanSentenceLength, int humanUnsupportedNumbers) {

    static PairFigures of(DraftFigures ours, String technical, String plain) {
        ReadabilityFigures human = Readability.of(plain);
        return new PairFigures(ours, human.fleschKincaidGrade(), human.meanSentenceLength(),
                SectionFigures.numbersNotIn(plain, technical).size());
    }
}
