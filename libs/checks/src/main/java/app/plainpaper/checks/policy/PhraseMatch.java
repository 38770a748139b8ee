package app.plainpaper.checks.policy;

/** Where a word list or pattern matched: offsets into the text that was searched. */
public record PhraseMatch(String text, int start, int end) {
}
