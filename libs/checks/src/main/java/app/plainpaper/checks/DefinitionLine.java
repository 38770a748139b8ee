package app.plainpaper.checks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft sentence that explains a defined term ("HER2 means a protein that ..."), with the definition it is checked
 * against.
 *
 * @param sentence         the draft sentence
 * @param definition       the reference definition of the term
 * @param written          the term as the sentence writes it
 * @param explanation      the sentence's explanation (after "means", without the final full stop)
 * @param explanationStart offset of the explanation in the section's text
 */
public record DefinitionLine(DraftSentence sentence, Definition definition, String written, String explanation,
                             int explanationStart) {

    /** Source section label of the reference sentence, shown with findings about a definition line. */
    public static final String SOURCE_SECTION = "glossary";

    private static final Pattern LINE = Pattern.compile("^\\s*(.{1,80}?)\\s+means\\s+(.+?)\\s*[.!?]?\\s*$", Pattern.DOTALL);

    /** The definition's own sentence for the term as written here: what this line should say. */
    public String reference() {
        return definition.sentence(written);
    }

    /** End of the explanation in the section's text. */
    public int explanationEnd() {
        return explanationStart + explanation.length();
    }

    /** Whether the line says what the definition says (ignoring case, spacing and the final full stop). */
    public boolean matchesDefinition() {
        return normalised(explanation).equals(normalised(definition.explanation()));
    }

    private static String normalised(String s) {
        return s.strip().replaceAll("\\s+", " ").replaceAll("[.!?]+$", "").toLowerCase(Locale.ROOT);
    }

    /** The definition line this sentence is, if it explains a term of {@code definitions}; the first definition wins. */
    static Optional<DefinitionLine> of(DraftSentence sentence, List<Definition> definitions) {
        if (definitions.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(sentence.text());
        if (!m.matches()) {
            return Optional.empty();
        }
        String written = m.group(1);
        for (Definition d : definitions) {
            if (d.isWrittenAs(written)) {
                return Optional.of(new DefinitionLine(sentence, d, written.strip(), m.group(2),
                        sentence.start() + m.start(2)));
            }
        }
        return Optional.empty();
    }
}
