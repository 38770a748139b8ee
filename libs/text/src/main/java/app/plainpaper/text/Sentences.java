package app.plainpaper.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into sentences. Robust to the abbreviations, decimals, initials,
 * bullets and labels that research abstracts are full of.
 */
public final class Sentences {

    /** Words that end with a full stop without ending a sentence (lower case, without the final dot). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "vs", "v", "et al", "al", "fig", "figs", "approx", "ca", "cf", "dr", "mr", "mrs", "ms",
            "prof", "st", "no", "nos", "vol", "vols", "eq", "eqs", "ref", "refs", "suppl", "tab", "p", "pp",
            "jr", "sr", "inc", "ltd", "co", "corp", "dept", "univ", "resp", "viz", "sp", "spp", "var",
            "est", "min", "max", "avg", "mo", "wk", "wks", "yr", "yrs", "hr", "hrs", "sec", "mg", "kg",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "n.b", "u.s",
            "u.k", "e.u", "a.m", "p.m");

    private static final Pattern BULLET = Pattern.compile("^[ \\t]*(?:[-*\\u2022\\u2023\\u25E6\\u2043\\u2219\\u00B7]|\\(?\\d{1,2}[.)]|\\(?[a-z][)]|\\([ivx]{1,4}\\))\\s+");
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?:[A-Za-z]\\.){2,}");

    private Sentences() {
    }

    public static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        int n = text.length();
        int segStart = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                int lineBreakEnd = lineBoundary(text, i);
                if (lineBreakEnd >= 0) {
                    add(out, text, segStart, i);
                    segStart = lineBreakEnd;
                    i = lineBreakEnd;
                    continue;
                }
                i++;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                int j = i + 1;
                // runs of terminators ("?!", "...")
                while (j < n && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?')) {
                    j++;
                }
                // closing quotes and brackets belong to the sentence
                while (j < n && isCloser(text.charAt(j))) {
                    j++;
                }
                if (j >= n) {
                    i = j;
                    continue;
                }
                if (!Character.isWhitespace(text.charAt(j))) {
                    i = j;
                    continue; // 3.5, .05, e.g.x, URLs
                }
                int k = j;
                while (k < n && Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '\n') {
                    k++;
                }
                if (k >= n) {
                    i = k;
                    continue;
                }
                if (text.charAt(k) == '\n') {
                    // the newline logic decides; a terminator before a newline always ends the sentence
                    add(out, text, segStart, j);
                    segStart = k;
                    i = k;
                    continue;
                }
                if (c == '.' && !endsSentence(text, segStart, i, k)) {
                    i = j;
                    continue;
                }
                if (!startsSentence(text.charAt(k))) {
                    i = j;
                    continue;
                }
                add(out, text, segStart, j);
                segStart = k;
                i = k;
                continue;
            }
            i++;
        }
        add(out, text, segStart, n);
        return List.copyOf(out);
    }

    /**
     * If the newline at {@code nl} separates sentences, returns where the next one may start;
     * otherwise -1 (a hard-wrapped line inside a sentence).
     */
    private static int lineBoundary(String text, int nl) {
        int n = text.length();
        int k = nl + 1;
        boolean blankLine = false;
        while (k < n && Character.isWhitespace(text.charAt(k))) {
            if (text.charAt(k) == '\n') {
                blankLine = true;
            }
            k++;
        }
        if (k >= n) {
            return n;
        }
        if (blankLine) {
            return k;
        }
        int lineStart = text.lastIndexOf('\n', nl - 1) + 1;
        String prevLine = text.substring(lineStart, nl).strip();
        String nextLineHead = text.substring(k, Math.min(n, k + 8));
        if (BULLET.matcher(nextLineHead).find() || BULLET.matcher(prevLine).find()) {
            return k;
        }
        if (prevLine.isEmpty() || prevLine.endsWith(":")) {
            return k;
        }
        char last = prevLine.charAt(prevLine.length() - 1);
        boolean noTerminal = Character.isLetterOrDigit(last) || last == ')';
        // a short line without punctuation followed by a capital is a heading or label
        if (noTerminal && prevLine.length() <= 60 && Character.isUpperCase(text.charAt(k))
                && prevLine.split("\\s+").length <= 8) {
            return k;
        }
        return -1;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019' || c == '\u00BB';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C' || c == '('
                || c == '[' || c == '\'' || c == '\u2018' || Character.isTitleCase(c)
                || c == '-' || c == '\u2022' || c == '*';
    }

    /** Whether the full stop at {@code dot} ends the sentence, given the next sentence would start at {@code next}. */
    private static boolean endsSentence(String text, int segStart, int dot, int next) {
        int wStart = dot;
        while (wStart > segStart && !Character.isWhitespace(text.charAt(wStart - 1)) && text.charAt(wStart - 1) != '(') {
            wStart--;
        }
        String word = text.substring(wStart, dot);
        if (word.isEmpty()) {
            return true;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return false;
        }
        if (lower.equals("al") || lower.endsWith("et al")) {
            return false;
        }
        if (DOTTED_ACRONYM.matcher(word + ".").matches()) {
            return false; // i.e., U.S., e.g.
        }
        // initials: "J. K. Rowling", "Smith J. A." — a lone capital after a capitalised word or at the start
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            String before = text.substring(segStart, wStart).strip();
            if (before.isEmpty()) {
                return false;
            }
            int ps = before.length();
            while (ps > 0 && !Character.isWhitespace(before.charAt(ps - 1))) {
                ps--;
            }
            String prevWord = before.substring(ps);
            if (!prevWord.isEmpty() && Character.isUpperCase(prevWord.charAt(0))
                    && prevWord.length() == 2 && prevWord.endsWith(".")) {
                return false;
            }
        }
        // numbered list marker at the very start ("1. First")
        if (text.substring(segStart, dot).strip().matches("\\(?\\d{1,2}")) {
            return false;
        }
        return true;
    }

    private static void add(List<Sentence> out, String text, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (s < e) {
            out.add(new Sentence(out.size(), text.substring(s, e), s, e));
        }
    }
}
