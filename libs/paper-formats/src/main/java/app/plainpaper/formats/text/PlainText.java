package app.plainpaper.formats.text;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text from fields that may carry HTML/JATS markup, without parsing it: tags dropped, entities decoded. */
public final class PlainText {

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^\\[>]{0,2000}(?:\\[.*?\\])?\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[!?/]?[A-Za-z][^<>]{0,2000}>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern BLOCK_END = Pattern.compile(
            "</(?:[A-Za-z]+:)?(?:p|sec|title|li|list-item|div|h[1-6])\\s*>|<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "ndash", "\u2013", "mdash", "\u2014", "hellip", "\u2026", "plusmn", "\u00b1");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    /** Control characters other than tab/newline: binary noise, never text. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private PlainText() {
    }

    /** One line of text: markup removed, entities decoded, whitespace collapsed, NFC; null when empty. */
    public static String ofMarkup(String raw) {
        if (raw == null) return null;
        String s = TAG.matcher(DOCTYPE.matcher(raw).replaceAll(" ")).replaceAll(" ");
        return clean(decode(s));
    }

    /** Text keeping paragraph breaks (block end tags become blank lines); null when empty. */
    public static String blocksOfMarkup(String raw) {
        if (raw == null) return null;
        String s = BLOCK_END.matcher(DOCTYPE.matcher(raw).replaceAll(" ")).replaceAll("\n\n");
        s = decode(TAG.matcher(s).replaceAll(" "));
        StringBuilder out = new StringBuilder();
        for (String para : s.split("\\n\\s*\\n")) {
            String p = clean(para);
            if (p != null) out.append(out.isEmpty() ? "" : "\n\n").append(p);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Whitespace runs (including Unicode spaces) as one space, control characters dropped, NFC; null when empty. */
    public static String clean(String raw) {
        if (raw == null) return null;
        String s = CONTROLS.matcher(raw).replaceAll("");
        s = SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    static String decode(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = m.group();
            if (name.startsWith("#")) {
                try {
                    int cp = name.startsWith("#x") || name.startsWith("#X")
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    if (Character.isValidCodePoint(cp) && cp != 0) replacement = new String(Character.toChars(cp));
                } catch (NumberFormatException ignored) {
                    // left as written
                }
            } else if (NAMED.containsKey(name)) {
                replacement = NAMED.get(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
