package app.plainpaper.formats.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** DOI spelling as found in exports: {@code https://doi.org/}, {@code doi:} prefixes, case, shortDOIs. */
public final class Doi {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:https?://(?:dx\\.)?doi\\.org/|doi\\.org/|doi:\\s*|doi\\s+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FULL = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
    /** shortDOI service form, e.g. {@code 10/gg55p5}: an alias, not the DOI itself. */
    private static final Pattern SHORT = Pattern.compile("^10/[a-z0-9]+$", Pattern.CASE_INSENSITIVE);

    private Doi() {
    }

    /** Prefixes and surrounding space removed, lower-cased (DOIs are case-insensitive); null when blank. */
    public static String clean(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        s = PREFIX.matcher(s).replaceFirst("").strip();
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }

    public static boolean isShort(String doi) {
        return doi != null && SHORT.matcher(doi).matches();
    }

    public static boolean isFull(String doi) {
        return doi != null && FULL.matcher(doi).matches();
    }
}
