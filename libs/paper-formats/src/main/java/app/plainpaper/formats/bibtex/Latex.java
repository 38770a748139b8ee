package app.plainpaper.formats.bibtex;

import java.text.Normalizer;
import java.util.Map;

/** LaTeX as BibTeX exports write it, to plain Unicode: accents ({\"u}, \'{e}), {\o}, escapes, dashes, braces. */
final class Latex {

    /** Accent commands and the combining mark each adds. */
    private static final Map<Character, Character> ACCENTS = Map.ofEntries(
            Map.entry('"', '\u0308'), Map.entry('\'', '\u0301'), Map.entry('`', '\u0300'), Map.entry('^', '\u0302'),
            Map.entry('~', '\u0303'), Map.entry('=', '\u0304'), Map.entry('.', '\u0307'), Map.entry('u', '\u0306'),
            Map.entry('v', '\u030C'), Map.entry('H', '\u030B'), Map.entry('c', '\u0327'), Map.entry('k', '\u0328'),
            Map.entry('r', '\u030A'), Map.entry('d', '\u0323'), Map.entry('b', '\u0331'));
    /** Letter-like commands. */
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("o", "\u00F8"), Map.entry("O", "\u00D8"), Map.entry("ss", "\u00DF"), Map.entry("aa", "\u00E5"),
            Map.entry("AA", "\u00C5"), Map.entry("ae", "\u00E6"), Map.entry("AE", "\u00C6"), Map.entry("oe", "\u0153"),
            Map.entry("OE", "\u0152"), Map.entry("l", "\u0142"), Map.entry("L", "\u0141"), Map.entry("i", "\u0131"),
            Map.entry("j", "\u0237"), Map.entry("textendash", "\u2013"), Map.entry("textemdash", "\u2014"),
            Map.entry("textquoteright", "\u2019"), Map.entry("textquoteleft", "\u2018"), Map.entry("textregistered", "\u00AE"),
            Map.entry("texttrademark", "\u2122"), Map.entry("textcopyright", "\u00A9"), Map.entry("copyright", "\u00A9"),
            Map.entry("textdegree", "\u00B0"), Map.entry("textmu", "\u00B5"), Map.entry("textpm", "\u00B1"),
            Map.entry("pm", "\u00B1"), Map.entry("le", "\u2264"), Map.entry("leq", "\u2264"), Map.entry("ge", "\u2265"),
            Map.entry("geq", "\u2265"), Map.entry("times", "\u00D7"), Map.entry("alpha", "\u03B1"), Map.entry("beta", "\u03B2"),
            Map.entry("gamma", "\u03B3"), Map.entry("delta", "\u03B4"), Map.entry("mu", "\u03BC"), Map.entry("kappa", "\u03BA"),
            Map.entry("ldots", "\u2026"), Map.entry("dots", "\u2026"), Map.entry("S", "\u00A7"), Map.entry("P", "\u00B6"),
            Map.entry("textless", "<"), Map.entry("textgreater", ">"), Map.entry("textasciitilde", "~"),
            Map.entry("textbackslash", "\\"));

    private Latex() {
    }

    static String toText(String latex) {
        if (latex == null) return null;
        StringBuilder out = new StringBuilder(latex.length());
        int i = 0;
        int n = latex.length();
        while (i < n) {
            char c = latex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = latex.charAt(i + 1);
                if (ACCENTS.containsKey(next) && accentable(latex, i + 2, next)) {
                    int j = i + 2;
                    while (j < n && latex.charAt(j) == ' ' && Character.isLetter(next)) j++;
                    String base;
                    if (j < n && latex.charAt(j) == '{') {
                        int close = latex.indexOf('}', j);
                        if (close < 0) close = n;
                        base = toText(latex.substring(j + 1, close));
                        j = Math.min(n, close + 1);
                    } else if (j < n && latex.charAt(j) == '\\' && j + 1 < n && (latex.charAt(j + 1) == 'i' || latex.charAt(j + 1) == 'j')) {
                        base = latex.charAt(j + 1) == 'i' ? "i" : "j"; // \'\i is an accented dotless i, written as i
                        j += 2;
                    } else if (j < n) {
                        base = String.valueOf(latex.charAt(j));
                        j++;
                    } else {
                        base = "";
                    }
                    if (!base.isEmpty()) {
                        out.append(base.charAt(0)).append(ACCENTS.get(next)).append(base, 1, base.length());
                    }
                    i = j;
                    continue;
                }
                if (Character.isLetter(next)) {
                    int j = i + 1;
                    while (j < n && Character.isLetter(latex.charAt(j))) j++;
                    String name = latex.substring(i + 1, j);
                    if (SYMBOLS.containsKey(name)) {
                        out.append(SYMBOLS.get(name));
                        if (j < n && latex.charAt(j) == ' ') j++;
                        if (j + 1 < n && latex.charAt(j) == '{' && latex.charAt(j + 1) == '}') j += 2;
                    }
                    // other commands (\textit, \emph, \mathrm, ...) are dropped; their braced argument stays as text
                    i = j;
                    continue;
                }
                // \& \% \$ \_ \# \{ \} and "\ " are the character itself
                out.append(next == ' ' ? ' ' : next);
                i += 2;
                continue;
            }
            if (c == '{' || c == '}' || c == '$') {
                i++;
                continue;
            }
            if (c == '~') {
                out.append(' ');
                i++;
                continue;
            }
            if (c == '-' && latex.startsWith("---", i)) {
                out.append('\u2014');
                i += 3;
                continue;
            }
            if (c == '-' && latex.startsWith("--", i)) {
                out.append('\u2013');
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
    }

    /** A letter accent command (breve, caron, cedilla ...) only applies when followed by a brace, space or backslash-i. */
    private static boolean accentable(String s, int at, char command) {
        if (!Character.isLetter(command)) return true;
        if (at >= s.length()) return false;
        char c = s.charAt(at);
        return c == '{' || c == ' ' || c == '\\';
    }
}
