package app.plainpaper.drafting.extraction;

/**
 * Who took part, in the source's own words.
 *
 * @param text         e.g. "30 cancer patients with bone metastasis and 30 healthy individuals"
 * @param countStated  whether the abstract gives how many
 * @param largestCount the largest count given, or {@code null}
 * @param sourceIndex  index of the sentence it was read from, or -1 for the title
 */
public record Participants(String text, boolean countStated, Double largestCount, int sourceIndex) {
}
