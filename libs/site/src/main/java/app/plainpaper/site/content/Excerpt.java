package app.plainpaper.site.content;

/** Short plain-text teasers for listings, meta descriptions, search and the feed. */
public final class Excerpt {

    private Excerpt() {
    }

    /** Whitespace collapsed, cut at a word boundary to at most {@code max} characters, "…" appended when cut. */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
            cut--;
        }
        return flat.substring(0, cut).replaceAll("[\\s,;:.\\-]+$", "") + "\u2026";
    }
}
