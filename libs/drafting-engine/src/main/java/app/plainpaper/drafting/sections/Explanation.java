package app.plainpaper.drafting.sections;

import java.util.List;

/**
 * The Simple Explanation and what the editor should know about it.
 *
 * @param text            the section
 * @param unexplained     words a reader may not know that the glossary does not explain
 * @param nearCopies      sentences that repeat a source sentence nearly word for word
 * @param sentences       number of sentences
 */
public record Explanation(String text, List<String> unexplained, int nearCopies, int sentences) {
    public Explanation {
        unexplained = List.copyOf(unexplained);
    }
}
