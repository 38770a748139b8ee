package app.plainpaper.site.pages;

import app.plainpaper.site.content.Catalog;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every HTML page of the site, keyed by URL path ("/", "/research/x/", "/404.html"). */
public final class SitePages {

    private final Catalog catalog;
    private final Layout layout;

    public SitePages(SiteSettings settings, Catalog catalog, Assets assets) {
        this.catalog = catalog;
        this.layout = new Layout(settings, assets, catalog.latestYear(settings));
    }

    public SortedMap<String, String> render() {
        SortedMap<String, String> pages = new TreeMap<>();
        ListingPages listings = new ListingPages(layout, catalog);
        InfoPages info = new InfoPages(layout);
        SummaryPage summaryPage = new SummaryPage(layout);
        RedirectPage redirectPage = new RedirectPage(layout);

        put(pages, Routes.HOME, listings.home());
        put(pages, Routes.CATEGORIES, listings.categoriesIndex());
        listings.research().forEach((path, html) -> put(pages, path, html));
        listings.categories().forEach((path, html) -> put(pages, path, html));
        put(pages, Routes.ABOUT, info.about());
        put(pages, Routes.DISCLAIMER, info.disclaimer());
        put(pages, Routes.CONTACT, info.contact());
        put(pages, Routes.SUBSCRIBE, info.subscribe());
        put(pages, Routes.PRIVACY, info.privacy());
        put(pages, Routes.SEARCH, info.search());
        put(pages, Routes.NOT_FOUND, info.notFound());
        put(pages, Routes.GONE, info.gone());
        for (PublishedSummary s : catalog.pages()) {
            put(pages, Routes.summary(s.slug()), summaryPage.render(s, catalog.categoriesOf(s)));
        }
        for (Map.Entry<String, PublishedSummary> e : catalog.redirects().entrySet()) {
            put(pages, Routes.summary(e.getKey()), redirectPage.render(e.getValue()));
        }
        return pages;
    }

    private static void put(SortedMap<String, String> pages, String path, String html) {
        if (pages.putIfAbsent(path, html) != null) {
            throw new IllegalStateException("two pages for " + path);
        }
    }
}
