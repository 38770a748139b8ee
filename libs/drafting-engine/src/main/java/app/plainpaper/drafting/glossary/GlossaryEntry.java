package app.plainpaper.drafting.glossary;

import java.util.List;

/** A technical term, its other written forms and its plain explanation. */
public record GlossaryEntry(String term, List<String> forms, String explanation) {
    public GlossaryEntry {
        forms = List.copyOf(forms);
    }
}
