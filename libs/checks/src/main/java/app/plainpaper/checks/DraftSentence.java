package app.plainpaper.checks;

/** A sentence of a draft section; {@code start}/{@code end} are offsets in that section's text. */
public record DraftSentence(String section, String text, int start, int end) {
}
