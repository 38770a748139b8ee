package app.plainpaper.site.discovery;

import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;

/** robots.txt: everything may be crawled except the form endpoints; points at the sitemap. */
public final class Robots {

    private Robots() {
    }

    public static String render(SiteSettings settings) {
        return "User-agent: *\n"
                + "Disallow: /api/\n"
                + "\n"
                + "Sitemap: " + settings.absolute(Routes.SITEMAP) + "\n";
    }
}
