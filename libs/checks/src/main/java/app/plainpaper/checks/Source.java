package app.plainpaper.checks;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The research a draft summarises.
 *
 * @param title    article title
 * @param sections abstract sections in order
 * @param design   study design if known, else null (then inferred from the text where a rule needs it)
 * @param licence  licence of the abstract text (e.g. "CC BY 4.0"), or null when unknown
 */
public record Source(String title, List<SourceSection> sections, StudyDesign design, String licence) {

    public Source {
        title = title == null ? "" : title;
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** A source given as one bare text, for offline checks of a plain text against its technical text. */
    public static Source ofText(String text) {
        return new Source("", List.of(new SourceSection(null, text)), null, null);
    }

    /** Title and sections as one text. */
    public String fullText() {
        String body = sections.stream().map(SourceSection::text).collect(Collectors.joining("\n\n"));
        return title.isBlank() ? body : title + "\n\n" + body;
    }
}
