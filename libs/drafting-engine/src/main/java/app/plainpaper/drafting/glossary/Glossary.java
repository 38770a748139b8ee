package app.plainpaper.drafting.glossary;

import app.plainpaper.drafting.DataFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-language glossary (data file {@code glossary.tsv}). Finds technical terms in a text, longest form
 * first so "spinal cord injury" wins over "spinal cord"; all-capital abbreviations match only in capitals.
 */
public final class Glossary {

    private record Form(GlossaryEntry entry, Pattern pattern, int length) {
    }

    private final List<GlossaryEntry> entries;
    private final List<Form> forms;

    public Glossary(List<GlossaryEntry> entries) {
        this.entries = List.copyOf(entries);
        List<Form> all = new ArrayList<>();
        for (GlossaryEntry e : entries) {
            List<String> written = new ArrayList<>();
            written.add(e.term());
            written.addAll(e.forms());
            for (String w : written) {
                if (w.isBlank()) {
                    continue;
                }
                boolean abbreviation = w.equals(w.toUpperCase()) && w.chars().anyMatch(Character::isLetter);
                String regex = "(?<![\\p{L}\\p{N}-])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}]|-\\p{L})";
                all.add(new Form(e, Pattern.compile(regex, abbreviation ? 0
                        : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), w.length()));
            }
        }
        all.sort(Comparator.comparingInt(Form::length).reversed());
        this.forms = List.copyOf(all);
    }

    /** The glossary shipped with the engine. */
    public static Glossary builtIn() {
        List<GlossaryEntry> entries = new ArrayList<>();
        for (String[] row : DataFile.rows("glossary.tsv", 3)) {
            List<String> forms = row[1].isEmpty() ? List.of() : List.of(row[1].split("\\|"));
            entries.add(new GlossaryEntry(row[0], forms.stream().map(String::strip).toList(), row[2]));
        }
        return new Glossary(entries);
    }

    public List<GlossaryEntry> entries() {
        return entries;
    }

    /** Terms in the text, in text order, not overlapping (longer forms win). */
    public List<TermUse> find(String text) {
        List<TermUse> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (Form f : forms) {
            Matcher m = f.pattern().matcher(text);
            while (m.find()) {
                boolean free = true;
                for (int i = m.start(); i < m.end() && free; i++) {
                    free = !taken[i];
                }
                if (free) {
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                    found.add(new TermUse(f.entry(), m.group(), m.start(), m.end()));
                }
            }
        }
        found.sort(Comparator.comparingInt(TermUse::start));
        return found;
    }

    /** "Tetraplegia means loss of movement ...": the sentence that explains a term, as written in the text. */
    public static String explanationSentence(TermUse use) {
        String written = use.written();
        boolean abbreviation = written.equals(written.toUpperCase()) && written.chars().anyMatch(Character::isLetter);
        String subject = abbreviation ? written : Character.toUpperCase(written.charAt(0)) + written.substring(1);
        return subject + " means " + use.entry().explanation() + ".";
    }
}
