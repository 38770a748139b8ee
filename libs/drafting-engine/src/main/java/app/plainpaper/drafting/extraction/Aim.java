package app.plainpaper.drafting.extraction;

/**
 * What the study set out to do, in the source's words.
 *
 * @param kind        how the source put it
 * @param clause      for {@code INFINITIVE} the words after "to" ("assess whether ..."); for {@code HYPOTHESIS}
 *                    the words after "that"; for {@code QUESTION} the title's question
 * @param sourceIndex the sentence it came from, or -1 for the title
 */
public record Aim(Kind kind, String clause, int sourceIndex) {
    public enum Kind { INFINITIVE, HYPOTHESIS, QUESTION }
}
