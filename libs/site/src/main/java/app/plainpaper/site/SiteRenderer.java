package app.plainpaper.site;

import app.plainpaper.site.content.Catalog;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.discovery.AtomFeed;
import app.plainpaper.site.discovery.Robots;
import app.plainpaper.site.discovery.Sitemap;
import app.plainpaper.site.pages.Assets;
import app.plainpaper.site.pages.SitePages;
import app.plainpaper.site.redirect.RedirectMap;
import app.plainpaper.site.search.SearchIndex;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders the whole static site from the published summaries. Pure and deterministic: the same summaries and
 * settings give byte-identical files whatever the input order, clock, default locale or default time zone.
 *
 * <p>Keys are paths relative to the site root ({@code index.html}, {@code research/<slug>/index.html},
 * {@code feed.xml}, {@code _redirects.map}, {@code assets/site.<hash>.css}); hand them to
 * {@code SiteFolder.publish}.
 */
public final class SiteRenderer {

    private SiteRenderer() {
    }

    /**
     * @throws IllegalArgumentException if the summaries conflict (duplicate summaryId, two pages on one slug, two
     *                                  summaries claiming one previous slug) or a slug is invalid
     */
    public static SortedMap<String, byte[]> render(List<PublishedSummary> summaries, SiteSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        Catalog catalog = Catalog.of(summaries);
        Assets assets = Assets.load();
        SortedMap<String, byte[]> files = new TreeMap<>();

        new SitePages(settings, catalog, assets).render()
                .forEach((path, html) -> put(files, Routes.file(path), html));
        for (Assets.Asset asset : assets.all()) {
            put(files, Routes.file(asset.path()), asset.content());
        }
        put(files, Routes.file(Routes.SEARCH_INDEX), SearchIndex.render(catalog));
        put(files, Routes.file(Routes.FEED), AtomFeed.render(catalog, settings));
        put(files, Routes.file(Routes.SITEMAP), Sitemap.render(catalog, settings));
        put(files, Routes.file(Routes.ROBOTS), Robots.render(settings));
        put(files, RedirectMap.FILE, RedirectMap.of(catalog).toNginxMap());
        return Collections.unmodifiableSortedMap(files);
    }

    private static void put(SortedMap<String, byte[]> files, String path, String text) {
        put(files, path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(SortedMap<String, byte[]> files, String path, byte[] bytes) {
        if (files.putIfAbsent(path, bytes) != null) {
            throw new IllegalStateException("two files for " + path);
        }
    }
}
