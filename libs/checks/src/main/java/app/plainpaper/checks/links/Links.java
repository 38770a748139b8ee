package app.plainpaper.checks.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds URLs and DOIs in text, including broken ones ("htp://", "https//", "doi:10.12/x"), and says what is wrong. */
public final class Links {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?i)(?<![\\w@./])(?:"
                    + "(?:[a-z][a-z0-9+.-]{1,9}:/{1,3}|h?t?tps?//|www\\.)[^\\s<>\"]+"   // URL-ish, also broken schemes
                    + "|doi:\\s*\\S+"                                                // doi:10...
                    + "|10\\.\\d+/\\S*"                                              // bare DOI
                    + ")");
    private static final Pattern HOST = Pattern.compile("(?i)^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    private Links() {
    }

    public static List<Link> find(String text) {
        List<Link> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String raw = trimTrailing(m.group());
            int start = m.start();
            int end = start + raw.length();
            String lower = raw.toLowerCase(Locale.ROOT);
            if (lower.startsWith("doi:") || lower.startsWith("10.") || lower.matches("^https?://(dx\\.)?doi\\.org/.*")) {
                out.add(new Link(Link.Kind.DOI, raw, start, end, Doi.problem(raw)));
            } else {
                out.add(new Link(Link.Kind.URL, raw, start, end, urlProblem(raw)));
            }
        }
        return out;
    }

    /** Why the URL is malformed, or null when it is fine. */
    public static String urlProblem(String raw) {
        String s = raw;
        if (s.toLowerCase(Locale.ROOT).startsWith("www.")) {
            s = "https://" + s;
        }
        int colon = s.indexOf("://");
        if (colon < 0) {
            return "the address must start with \"https://\"";
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "\"" + scheme + "\" is not a web address scheme; use \"https://\"";
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            return "it is not a valid address (" + e.getReason() + ")";
        }
        String host = uri.getHost();
        if (host == null || !HOST.matcher(host).matches()) {
            return "\"" + (host == null ? uri.getRawAuthority() : host) + "\" is not a valid host name";
        }
        return null;
    }

    private static String trimTrailing(String raw) {
        String s = raw;
        while (!s.isEmpty()) {
            char c = s.charAt(s.length() - 1);
            if (".,;:!?'\"".indexOf(c) >= 0) {
                s = s.substring(0, s.length() - 1);
            } else if ((c == ')' && count(s, '(') < count(s, ')')) || (c == ']' && count(s, '[') < count(s, ']'))) {
                s = s.substring(0, s.length() - 1);
            } else {
                break;
            }
        }
        return s;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
