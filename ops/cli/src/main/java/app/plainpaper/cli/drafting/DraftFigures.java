package app.plainpaper.cli.drafting;

import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.plain.NearCopy;
import app.plainpaper.drafting.sections.SectionFigures;
import app.plainpaper.text.Readability;
import app.plainpaper.text.ReadabilityFigures;
import app.plainpaper.text.Sentence;
import app.plainpaper.text.Sentences;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one draft against its source.
 *
 * @param grade                Flesch-Kincaid grade of the Simple Explanation
 * @param meanSentenceLength   words per sentence of the Simple Explanation
 * @param sentences            sentences in the Simple Explanation
 * @param nearCopies           of those, sentences that repeat a source sentence (or the title) nearly word for word
 * @param unsupportedNumbers   numbers anywhere in the draft whose value the source does not contain
 * @param findings             key findings
 * @param findingsWithoutSource key findings citing no source sentence
 */
record DraftFigures(double grade, double meanSentenceLength, int sentences, int nearCopies,
                    List<String> unsupportedNumbers, int findings, int findingsWithoutSource,
                    boolean participantsFilled, boolean durationFilled) {

    /** @param title may be empty (the pairs format has none) */
    static DraftFigures of(DraftText draft, String title, String abstractText) {
        String source = title + "\n" + abstractText;
        List<String> sourceSentences = new ArrayList<>(Sentences.split(abstractText).stream().map(Sentence::text).toList());
        if (!title.isBlank()) {
            sourceSentences.add(title);
        }
        List<Sentence> explanation = Sentences.split(draft.simpleExplanation());
        int copies = (int) explanation.stream().filter(s -> NearCopy.copies(s.text(), sourceSentences)).count();
        ReadabilityFigures r = Readability.of(draft.simpleExplanation());
        return new DraftFigures(r.fleschKincaidGrade(), r.meanSentenceLength(), explanation.size(), copies,
                unsupportedNumbers(draft, source), draft.keyFindings().size(),
                (int) draft.keyFindings().stream().filter(f -> f.sources().isEmpty()).count(),
                filled(draft.participants()), filled(draft.studyDuration()));
    }

    /** Numbers in every section a reader sees, checked against the source as written. */
    static List<String> unsupportedNumbers(DraftText d, String source) {
        List<String> texts = new ArrayList<>();
        texts.add(d.simpleExplanation());
        texts.add(d.studyDuration());
        texts.add(d.participants());
        texts.add(d.researchSummary());
        d.keyFindings().stream().map(KeyFindingText::text).forEach(texts::add);
        for (ImplicationText i : d.practicalImplications()) {
            texts.add(i.title());
            texts.add(i.text());
        }
        texts.addAll(d.limitations());
        List<String> out = new ArrayList<>();
        texts.forEach(t -> out.addAll(SectionFigures.numbersNotIn(t, source)));
        return out;
    }

    double nearCopyShare() {
        return sentences == 0 ? 0 : (double) nearCopies / sentences;
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }
}
