package app.plainpaper.site.content;

/**
 * The site's URL paths and the files behind them. URL paths start with '/' and end with '/' for pages;
 * file paths are relative to the site root (what {@code SiteRenderer} returns as keys).
 */
public final class Routes {

    public static final String HOME = "/";
    public static final String RESEARCH = "/research/";
    public static final String CATEGORIES = "/categories/";
    public static final String ABOUT = "/about/";
    public static final String DISCLAIMER = "/disclaimer/";
    public static final String CONTACT = "/contact/";
    public static final String SUBSCRIBE = "/subscribe/";
    public static final String PRIVACY = "/privacy/";
    public static final String SEARCH = "/search/";
    public static final String FEED = "/feed.xml";
    public static final String SITEMAP = "/sitemap.xml";
    public static final String ROBOTS = "/robots.txt";
    public static final String SEARCH_INDEX = "/search-index.json";
    public static final String NOT_FOUND = "/404.html";
    public static final String GONE = "/410.html";
    public static final String FEEDBACK_API = "/api/feedback";
    public static final String SUBSCRIBE_API = "/api/subscribe";

    private Routes() {
    }

    public static String summary(String slug) {
        return RESEARCH + Slug.require(slug, "slug") + "/";
    }

    public static String category(String categorySlug) {
        return category(categorySlug, 1);
    }

    /** Page 1 is the category's own URL; later pages live under /page/N/. */
    public static String category(String categorySlug, int page) {
        String base = "/category/" + Slug.require(categorySlug, "category slug") + "/";
        return page <= 1 ? base : base + "page/" + page + "/";
    }

    public static String research(int page) {
        return page <= 1 ? RESEARCH : RESEARCH + "page/" + page + "/";
    }

    /** "/research/x/" -> "research/x/index.html"; "/feed.xml" -> "feed.xml". */
    public static String file(String urlPath) {
        if (!urlPath.startsWith("/")) {
            throw new IllegalArgumentException("URL path must start with '/': " + urlPath);
        }
        String relative = urlPath.substring(1);
        return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    }
}
