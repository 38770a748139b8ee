package app.plainpaper.text;

/**
 * Readability of a text.
 *
 * @param fleschKincaidGrade US school grade needed to read it
 * @param fleschReadingEase  0 (hard) to 100 (easy); may fall outside that range
 * @param meanSentenceLength words per sentence
 * @param words              number of words
 * @param sentences          number of sentences
 */
public record ReadabilityFigures(double fleschKincaidGrade, double fleschReadingEase, double meanSentenceLength,
                                 int words, int sentences) {
}
