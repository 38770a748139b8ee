package app.plainpaper.checks.links;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Digital Object Identifiers: "10.&lt;registrant&gt;/&lt;suffix&gt;", possibly written as a doi.org URL or "doi:". */
public final class Doi {

    private static final Pattern WELL_FORMED = Pattern.compile("10\\.\\d{4,9}(?:\\.\\d+)*/[-._;()/:<>\\[\\]A-Za-z0-9]+");
    private static final Pattern PREFIX = Pattern.compile("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*|doi\\s+)");

    private Doi() {
    }

    /** The bare DOI in lower case (DOIs are case-insensitive), or empty when the text is not a well-formed DOI. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = PREFIX.matcher(text.strip()).replaceFirst("");
        bare = java.net.URLDecoder.decode(bare.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        return WELL_FORMED.matcher(bare).matches() ? Optional.of(bare.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    public static boolean isWellFormed(String text) {
        return normalise(text).isPresent();
    }

    /** Why the DOI is malformed, or null when it is fine. */
    public static String problem(String text) {
        if (isWellFormed(text)) {
            return null;
        }
        String bare = PREFIX.matcher(text.strip()).replaceFirst("");
        if (!bare.startsWith("10.")) {
            return "a DOI starts with \"10.\"";
        }
        if (!bare.matches("10\\.\\d{4,9}(?:\\.\\d+)*/.*")) {
            return "the part after \"10.\" must be 4 to 9 digits followed by \"/\"";
        }
        if (bare.endsWith("/")) {
            return "the DOI has nothing after the \"/\"";
        }
        return "the DOI contains characters that are not allowed";
    }
}
