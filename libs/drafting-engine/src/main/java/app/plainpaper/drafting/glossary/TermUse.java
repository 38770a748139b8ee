package app.plainpaper.drafting.glossary;

/** A glossary term found in a text: the words as written, where, and the entry that explains them. */
public record TermUse(GlossaryEntry entry, String written, int start, int end) {
}
