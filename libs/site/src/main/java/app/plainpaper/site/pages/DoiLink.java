package app.plainpaper.site.pages;

import java.nio.charset.StandardCharsets;

/** Links to the original study: https://doi.org/... and PubMed. */
public final class DoiLink {

    private DoiLink() {
    }

    /** "10.1155/2022/1119014" -> "https://doi.org/10.1155/2022/1119014"; also accepts "doi:" and URL forms. */
    public static String url(String doi) {
        String bare = doi.strip();
        for (String prefix : new String[] {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                "http://dx.doi.org/", "doi:"}) {
            if (bare.regionMatches(true, 0, prefix, 0, prefix.length())) {
                bare = bare.substring(prefix.length());
                break;
            }
        }
        return "https://doi.org/" + encodePath(bare);
    }

    public static String pubmedUrl(String pmid) {
        return "https://pubmed.ncbi.nlm.nih.gov/" + encodePath(pmid.strip()) + "/";
    }

    /** Percent-encodes everything except unreserved characters and the path characters DOIs use. */
    static String encodePath(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/:;()@!$*+,=".indexOf(c) >= 0;
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
