package app.plainpaper.checks.alignment;

/** A source sentence and how much of a draft sentence's content it shares (0..1, IDF-weighted). */
public record ScoredSentence(SourceSentence sentence, double score) {
}
