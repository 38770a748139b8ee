package app.plainpaper.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reference definition the draft was written with, e.g. a line of the drafting engine's glossary: a term, its other
 * written forms and its plain explanation. A draft sentence "{@code <a form> means <explanation>.}" is checked
 * against it as against a source sentence.
 *
 * @param term        the term, e.g. "HER2"
 * @param forms       other written forms (plurals, spellings, abbreviations), e.g. "HER2-positive"
 * @param explanation the plain explanation, without the final full stop
 */
public record Definition(String term, List<String> forms, String explanation) {

    public Definition {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("a definition needs a term");
        }
        forms = forms == null ? List.of() : List.copyOf(forms);
        // An empty explanation is a glossary line still being written: the engine writes it as it is, so it is kept.
        explanation = explanation == null ? "" : explanation.strip();
    }

    /** The term and its other forms. */
    public List<String> writtenForms() {
        List<String> all = new ArrayList<>();
        all.add(term);
        forms.stream().filter(f -> !f.isBlank()).map(String::strip).forEach(all::add);
        return all;
    }

    /**
     * Whether {@code written} is one of the forms: abbreviations (all capitals) only in capitals, as the glossary
     * matches them, other forms in any case (the engine capitalises the first letter).
     */
    public boolean isWrittenAs(String written) {
        String w = written.strip();
        for (String form : writtenForms()) {
            boolean abbreviation = form.equals(form.toUpperCase(Locale.ROOT)) && form.chars().anyMatch(Character::isLetter);
            if (abbreviation ? form.equals(w) : form.equalsIgnoreCase(w)) {
                return true;
            }
        }
        return false;
    }

    /** The sentence that explains the term as written: "{@code <written> means <explanation>.}" */
    public String sentence(String written) {
        return written.strip() + " means " + explanation + (explanation.matches(".*[.!?]$") ? "" : ".");
    }
}
