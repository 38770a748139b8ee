package app.plainpaper.site.markup;

/**
 * Escaping for HTML and XML text and attribute values. One function for both places: it escapes the five
 * characters that matter in either context, so a value can never end an attribute or open a tag.
 * Characters that HTML and XML 1.0 forbid (C0/C1 controls, noncharacters, lone surrogates) are dropped.
 */
public final class Markup {

    private Markup() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeInto(text, out);
        return out.toString();
    }

    static void escapeInto(String text, StringBuilder out) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (!isNoncharacter(cp)) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i += 2;
                continue;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (allowed(c)) {
                        out.append(c);
                    }
                }
            }
            i++;
        }
    }

    /** True for characters that may appear in HTML and XML 1.0 documents. */
    static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return false;
        }
        if (Character.isSurrogate(c)) {
            return false; // lone half of a pair
        }
        return !isNoncharacter(c);
    }

    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
