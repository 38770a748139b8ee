package app.plainpaper.site.pages;

import app.plainpaper.site.content.Catalog;
import app.plainpaper.site.content.Category;
import app.plainpaper.site.content.Excerpt;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.markup.Html;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** Home, latest research, the categories index and each category, paginated. Keys are URL paths. */
final class ListingPages {

    private final Layout layout;
    private final Catalog catalog;

    ListingPages(Layout layout, Catalog catalog) {
        this.layout = layout;
        this.catalog = catalog;
    }

    String home() {
        SiteSettings settings = layout.settings();
        Page page = new Page(Routes.HOME, settings.siteName())
                .description(settings.tagline() + " " + settings.description())
                .nav(Page.Nav.HOME);
        return layout.render(page, h -> {
            h.element("h1", settings.tagline()).nl();
            h.element("p", settings.description()).nl();
            searchBox(h, "home-q");
            h.open("section", "aria-labelledby", "latest-heading").nl();
            h.element("h2", "Latest Research", "id", "latest-heading").nl();
            List<PublishedSummary> latest = catalog.listed().stream().limit(settings.homeLatestCount()).toList();
            cards(h, latest, "h3");
            if (!latest.isEmpty()) {
                h.open("p").element("a", "See all research", "href", Routes.RESEARCH).close("p").nl();
            }
            h.close("section").nl();
            h.open("section", "aria-labelledby", "categories-heading").nl();
            h.element("h2", "Browse by Category", "id", "categories-heading").nl();
            categoryList(h);
            h.close("section").nl();
        });
    }

    static void searchBox(Html h, String id) {
        h.open("form", "class", "search-form inline-form", "role", "search", "method", "get",
                "action", Routes.SEARCH).nl();
        h.open("div", "class", "field").nl();
        h.element("label", "Search summaries", "for", id).nl();
        h.empty("input", "type", "search", "id", id, "name", "q", "autocomplete", "off").nl();
        h.close("div").nl();
        h.element("button", "Search", "type", "submit").nl();
        h.close("form").nl();
    }

    SortedMap<String, String> research() {
        return paginate(catalog.listed(), Routes::research, "Latest Research", Page.Nav.RESEARCH,
                "The newest plain-language summaries of spinal cord research.", List.of());
    }

    String categoriesIndex() {
        Page page = new Page(Routes.CATEGORIES, "Categories")
                .description("Browse research summaries by topic.")
                .nav(Page.Nav.CATEGORIES)
                .crumb("Home", Routes.HOME)
                .crumb("Categories", Routes.CATEGORIES);
        return layout.render(page, h -> {
            h.element("h1", "Categories").nl();
            h.element("p", "Browse research summaries by topic.").nl();
            categoryList(h);
        });
    }

    SortedMap<String, String> categories() {
        SortedMap<String, String> pages = new TreeMap<>();
        for (Map.Entry<Category, List<PublishedSummary>> e : catalog.categories().entrySet()) {
            Category c = e.getKey();
            pages.putAll(paginate(e.getValue(), p -> Routes.category(c.slug(), p), c.name(), Page.Nav.CATEGORIES,
                    "Plain-language summaries of research about " + c.name() + ".",
                    List.of(new Page.Crumb("Categories", Routes.CATEGORIES))));
        }
        return pages;
    }

    private void categoryList(Html h) {
        List<Map.Entry<Category, List<PublishedSummary>>> used = catalog.categories().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).toList();
        if (used.isEmpty()) {
            h.element("p", "No categories yet.").nl();
            return;
        }
        h.open("ul", "class", "category-list").nl();
        for (Map.Entry<Category, List<PublishedSummary>> e : used) {
            int count = e.getValue().size();
            h.open("li").open("a", "href", Routes.category(e.getKey().slug()))
                    .text(e.getKey().name())
                    .element("span", " (" + count + (count == 1 ? " summary)" : " summaries)"), "class", "count")
                    .close("a").close("li").nl();
        }
        h.close("ul").nl();
    }

    private SortedMap<String, String> paginate(List<PublishedSummary> items, IntFunction<String> pathOf,
                                               String title, Page.Nav nav, String intro,
                                               List<Page.Crumb> parents) {
        SortedMap<String, String> pages = new TreeMap<>();
        int size = layout.settings().pageSize();
        int pageCount = Math.max(1, (items.size() + size - 1) / size);
        for (int n = 1; n <= pageCount; n++) {
            List<PublishedSummary> slice = items.subList((n - 1) * size, Math.min(items.size(), n * size));
            String path = pathOf.apply(n);
            String heading = n == 1 ? title : title + " (page " + n + " of " + pageCount + ")";
            Page page = new Page(path, heading).description(intro).nav(nav).crumb("Home", Routes.HOME);
            parents.forEach(c -> page.crumb(c.label(), c.path()));
            page.crumb(n == 1 ? title : title + ", page " + n, path);
            String prev = n > 1 ? pathOf.apply(n - 1) : null;
            String next = n < pageCount ? pathOf.apply(n + 1) : null;
            page.pagination(prev, next);
            int pageNumber = n;
            pages.put(path, layout.render(page, h -> {
                h.element("h1", heading).nl();
                if (pageNumber == 1) {
                    h.element("p", intro).nl();
                }
                if (items.isEmpty()) {
                    h.element("p", "No summaries here yet.").nl();
                }
                cards(h, slice, "h2");
                pagination(h, prev, next, pageNumber, pageCount);
            }));
        }
        return pages;
    }

    private static void pagination(Html h, String prev, String next, int page, int pageCount) {
        if (pageCount <= 1) {
            return;
        }
        h.open("nav", "class", "pagination", "aria-label", "Pagination").open("ul").nl();
        if (prev != null) {
            h.open("li").element("a", "Newer summaries", "href", prev, "rel", "prev").close("li").nl();
        }
        h.open("li", "class", "pagination-status").text("Page " + page + " of " + pageCount).close("li").nl();
        if (next != null) {
            h.open("li").element("a", "Older summaries", "href", next, "rel", "next").close("li").nl();
        }
        h.close("ul").close("nav").nl();
    }

    private void cards(Html h, List<PublishedSummary> summaries, String headingTag) {
        if (summaries.isEmpty()) {
            return;
        }
        SiteSettings settings = layout.settings();
        h.open("ul", "class", "cards").nl();
        for (PublishedSummary s : summaries) {
            h.open("li", "class", "card").nl();
            h.open(headingTag).element("a", s.title(), "href", Routes.summary(s.slug())).close(headingTag).nl();
            h.open("p", "class", "card-meta");
            String journalYear = SummaryPage.journalYear(s);
            if (!journalYear.isEmpty()) {
                h.text(journalYear).raw(" <span class=\"separator\" aria-hidden=\"true\">\u00b7</span> ");
            }
            h.text("Added ").element("time", settings.displayDate(s.publishedAt()),
                    "datetime", settings.localDate(s.publishedAt()).toString());
            if (s.preprint()) {
                h.raw(" <span class=\"separator\" aria-hidden=\"true\">\u00b7</span> ").text("Preprint");
            }
            h.close("p").nl();
            h.element("p", Excerpt.of(s.simpleExplanation(), 220)).nl();
            h.close("li").nl();
        }
        h.close("ul").nl();
    }
}
