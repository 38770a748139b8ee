package app.plainpaper.site.search;

import app.plainpaper.site.content.Catalog;
import app.plainpaper.site.content.Category;
import app.plainpaper.site.content.Excerpt;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;
import app.plainpaper.site.markup.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * search-index.json: what search.js searches in the browser. Listed summaries only, newest first:
 * {@code {"version":1,"summaries":[{"url","title","journal","year","categories","excerpt","preprint"}]}}.
 */
public final class SearchIndex {

    public static final int VERSION = 1;
    static final int EXCERPT_LENGTH = 300;

    private SearchIndex() {
    }

    public static String render(Catalog catalog) {
        List<Object> summaries = new ArrayList<>();
        for (PublishedSummary s : catalog.listed()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", Routes.summary(s.slug()));
            entry.put("title", s.title());
            entry.put("journal", s.journal());
            entry.put("year", s.year());
            entry.put("categories", catalog.categoriesOf(s).stream().map(Category::name).toList());
            entry.put("excerpt", Excerpt.of(s.simpleExplanation(), EXCERPT_LENGTH));
            entry.put("preprint", s.preprint());
            summaries.add(entry);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("summaries", summaries);
        return Json.write(root, false);
    }
}
