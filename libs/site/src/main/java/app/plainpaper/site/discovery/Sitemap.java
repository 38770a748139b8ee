package app.plainpaper.site.discovery;

import app.plainpaper.site.content.Catalog;
import app.plainpaper.site.content.Category;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.markup.Markup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** sitemap.xml: every indexable page; retracted and unpublished summaries are left out. */
public final class Sitemap {

    private record Url(String path, Instant lastModified) {
    }

    private Sitemap() {
    }

    public static String render(Catalog catalog, SiteSettings settings) {
        List<Url> urls = new ArrayList<>();
        Instant newest = newest(catalog.listed());
        urls.add(new Url(Routes.HOME, newest));
        int size = settings.pageSize();
        List<PublishedSummary> listed = catalog.listed();
        for (int page = 1; page == 1 || (page - 1) * size < listed.size(); page++) {
            urls.add(new Url(Routes.research(page), newest(slice(listed, page, size))));
        }
        urls.add(new Url(Routes.CATEGORIES, newest));
        for (Map.Entry<Category, List<PublishedSummary>> e : catalog.categories().entrySet()) {
            List<PublishedSummary> items = e.getValue();
            for (int page = 1; (page - 1) * size < items.size(); page++) {
                urls.add(new Url(Routes.category(e.getKey().slug(), page), newest(slice(items, page, size))));
            }
        }
        for (PublishedSummary s : listed) {
            urls.add(new Url(Routes.summary(s.slug()), s.lastChanged()));
        }
        for (String path : List.of(Routes.ABOUT, Routes.DISCLAIMER, Routes.CONTACT, Routes.SUBSCRIBE,
                Routes.PRIVACY)) {
            urls.add(new Url(path, null));
        }
        urls.sort(Comparator.comparing(Url::path));

        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Url url : urls) {
            xml.append("  <url><loc>").append(Markup.escape(settings.absolute(url.path()))).append("</loc>");
            if (url.lastModified() != null) {
                xml.append("<lastmod>").append(settings.localDate(url.lastModified())).append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        xml.append("</urlset>\n");
        return xml.toString();
    }

    private static List<PublishedSummary> slice(List<PublishedSummary> items, int page, int size) {
        return items.subList(Math.min(items.size(), (page - 1) * size), Math.min(items.size(), page * size));
    }

    private static Instant newest(List<PublishedSummary> items) {
        return items.stream().map(PublishedSummary::lastChanged).max(Comparator.naturalOrder()).orElse(null);
    }
}
