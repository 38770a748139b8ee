package app.plainpaper.drafting.source;

/**
 * One sentence of an abstract.
 *
 * @param index counted over the whole abstract, from 0, in source order
 * @param text  the sentence as written
 * @param label the heading of its section as the source gives it, or {@code null}
 * @param role  what the sentence does
 */
public record AbstractSentence(int index, String text, String label, SentenceRole role) {
}
