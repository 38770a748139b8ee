package app.plainpaper.drafting;

/** A sentence of the source abstract: its index counted over the whole abstract (from 0) and its text. */
public record SourceRef(int index, String text) {
}
