package app.plainpaper.checks.alignment;

import app.plainpaper.text.NumberMention;

import java.util.List;
import java.util.Set;

/**
 * A sentence of the source with what the rules need from it.
 *
 * @param index        position in the whole source
 * @param sectionLabel heading of the source section, or null
 * @param text         the sentence
 * @param stems        content stems, for alignment
 * @param numbers      numbers in the sentence (offsets relative to the sentence)
 */
public record SourceSentence(int index, String sectionLabel, String text, Set<String> stems,
                             List<NumberMention> numbers) {
}
