package app.plainpaper.site.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** URL slugs: lowercase ASCII words joined by hyphens. They become folder names, so they are checked strictly. */
public final class Slug {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 200;
    /** "page" would collide with the pagination folders (/research/page/2/). */
    private static final Set<String> RESERVED = Set.of("page");

    private Slug() {
    }

    /** Returns the slug unchanged, or throws naming {@code what} if it can't safely be a URL path segment. */
    public static String require(String slug, String what) {
        if (slug == null || slug.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (slug.length() > MAX_LENGTH || !VALID.matcher(slug).matches()) {
            throw new IllegalArgumentException(what + " '" + slug
                    + "' is not a valid slug (lowercase a-z, 0-9 and single hyphens, at most " + MAX_LENGTH + " characters)");
        }
        if (RESERVED.contains(slug)) {
            throw new IllegalArgumentException(what + " '" + slug + "' is reserved");
        }
        return slug;
    }

    /** Derives a slug from a display name: "Pain Management" -> "pain-management", "Réadaptation" -> "readaptation". */
    public static String from(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        if (slug.isEmpty() || RESERVED.contains(slug)) {
            throw new IllegalArgumentException("cannot derive a slug from '" + name + "'");
        }
        return slug;
    }
}
