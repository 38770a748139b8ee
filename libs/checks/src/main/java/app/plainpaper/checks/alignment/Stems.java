package app.plainpaper.checks.alignment;

import app.plainpaper.text.Token;
import app.plainpaper.text.Words;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A light suffix-stripping stemmer, so "improved", "improves" and "improvement" meet. */
public final class Stems {

    private static final String[] SUFFIXES = {"ments", "ment", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly", "e"};

    private Stems() {
    }

    public static String of(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("\u2019", "'");
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.chars().anyMatch(Character::isDigit)) {
            return w;
        }
        for (String suffix : SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                if (suffix.equals("s") && (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is"))) {
                    continue;
                }
                String stem = w.substring(0, w.length() - suffix.length());
                if (suffix.equals("ies")) {
                    stem = stem + "y";
                }
                return stem.endsWith("e") && stem.length() > 3 ? stem.substring(0, stem.length() - 1) : stem;
            }
        }
        return w;
    }

    /** Stems of the content words of a text, with synonyms mapped to one form. */
    public static Set<String> contentOf(String text, Map<String, String> synonyms) {
        Set<String> out = new LinkedHashSet<>();
        for (Token t : Words.tokens(text)) {
            String w = t.normalized();
            if (!t.hasLetter() || Words.STOP_WORDS.contains(w) || w.length() < 2) {
                continue;
            }
            String s = of(w);
            out.add(synonyms.getOrDefault(s, s));
        }
        return out;
    }
}
