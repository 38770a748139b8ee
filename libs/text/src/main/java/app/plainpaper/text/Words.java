package app.plainpaper.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word tokenising. */
public final class Words {

    /** Common English function words, useful for overlap measures. */
    public static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "from", "by", "with",
            "without", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
            "those", "there", "their", "they", "them", "we", "our", "us", "you", "your", "he", "she", "his", "her",
            "which", "who", "whom", "whose", "what", "when", "where", "how", "than", "then", "so", "such", "not",
            "no", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "shall", "should",
            "may", "might", "must", "also", "into", "about", "over", "after", "before", "between", "both", "each",
            "all", "any", "some", "other", "more", "most", "less", "only", "very", "up", "out", "whether", "while",
            "during", "per", "i", "me", "my");

    private Words() {
    }

    /** All word tokens, with their offsets. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int j = i;
            while (j < n) {
                int c = text.codePointAt(j);
                if (isWordChar(c)) {
                    j += Character.charCount(c);
                    continue;
                }
                // inner joiners: hyphen, apostrophe, dot or comma between digits, slash between word chars
                if (j + 1 < n && isJoiner(text, j) && isWordChar(text.codePointAt(j + 1))) {
                    j += 1;
                    continue;
                }
                break;
            }
            out.add(new Token(text.substring(start, j), start, j));
            i = j;
        }
        return out;
    }

    /** Lower-cased words, in order. */
    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens(text)) {
            out.add(t.text().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Lower-cased words that are not stop words and contain a letter. */
    public static List<String> content(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens(text)) {
            String w = t.normalized();
            if (t.hasLetter() && !STOP_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    public static int count(String text) {
        return tokens(text).size();
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isJoiner(String text, int j) {
        char c = text.charAt(j);
        if (c == '-' || c == '\u2010' || c == '\u2011' || c == '\'' || c == '\u2019') {
            return j > 0 && Character.isLetterOrDigit(text.charAt(j - 1));
        }
        if (c == '.' || c == ',') {
            return j > 0 && Character.isDigit(text.charAt(j - 1)) && Character.isDigit(text.charAt(j + 1));
        }
        if (c == '/') {
            return j > 0 && Character.isLetter(text.charAt(j - 1)) && Character.isLetter(text.charAt(j + 1));
        }
        return false;
    }
}
