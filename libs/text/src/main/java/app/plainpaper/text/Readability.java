package app.plainpaper.text;

/** Flesch–Kincaid figures. */
public final class Readability {

    private Readability() {
    }

    public static ReadabilityFigures of(String text) {
        int sentences = Sentences.split(text).size();
        int words = 0;
        int syllables = 0;
        for (Token t : Words.tokens(text)) {
            words++;
            syllables += Syllables.count(t.text());
        }
        if (words == 0 || sentences == 0) {
            return new ReadabilityFigures(0, 0, 0, words, sentences);
        }
        double wps = (double) words / sentences;
        double spw = (double) syllables / words;
        double grade = 0.39 * wps + 11.8 * spw - 15.59;
        double ease = 206.835 - 1.015 * wps - 84.6 * spw;
        return new ReadabilityFigures(grade, ease, wps, words, sentences);
    }
}
