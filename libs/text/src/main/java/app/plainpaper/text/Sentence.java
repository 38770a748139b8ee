package app.plainpaper.text;

/**
 * One sentence of a text.
 *
 * @param index position among the text's sentences, from 0
 * @param text  the sentence, trimmed
 * @param start offset of its first character in the original text
 * @param end   offset just past its last character (exclusive)
 */
public record Sentence(int index, String text, int start, int end) {
}
