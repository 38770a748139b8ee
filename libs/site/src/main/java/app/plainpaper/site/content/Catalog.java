package app.plainpaper.site.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The published summaries, checked and put in the one order the whole site uses: newest {@code publishedAt} first,
 * ties broken by {@code summaryId}. Input order never matters.
 *
 * <p>Slug precedence: a live page's own slug wins over a previous slug (redirect), which wins over a slug of an
 * unpublished summary (gone). Two summaries claiming the same slug at the same level is an error.
 */
public final class Catalog {

    /** Newest first; equal instants ordered by summaryId so the order never depends on input order. */
    public static final Comparator<PublishedSummary> NEWEST_FIRST =
            Comparator.comparing(PublishedSummary::publishedAt).reversed()
                    .thenComparing(PublishedSummary::summaryId);

    private final List<PublishedSummary> pages;
    private final List<PublishedSummary> listed;
    private final SortedMap<Category, List<PublishedSummary>> listedByCategory;
    private final Map<String, List<Category>> categoriesBySummary;
    private final SortedMap<String, PublishedSummary> redirects;
    private final SortedSet<String> gone;

    private Catalog(List<PublishedSummary> pages, List<PublishedSummary> listed,
                    SortedMap<Category, List<PublishedSummary>> listedByCategory,
                    Map<String, List<Category>> categoriesBySummary,
                    SortedMap<String, PublishedSummary> redirects, SortedSet<String> gone) {
        this.pages = pages;
        this.listed = listed;
        this.listedByCategory = listedByCategory;
        this.categoriesBySummary = categoriesBySummary;
        this.redirects = redirects;
        this.gone = gone;
    }

    public static Catalog of(List<PublishedSummary> summaries) {
        if (summaries == null) {
            throw new IllegalArgumentException("summaries must not be null");
        }
        List<PublishedSummary> all = new ArrayList<>(summaries.size());
        Set<String> ids = new HashSet<>();
        for (PublishedSummary s : summaries) {
            if (s == null) {
                throw new IllegalArgumentException("summaries must not contain null");
            }
            if (!ids.add(s.summaryId())) {
                throw new IllegalArgumentException("duplicate summaryId '" + s.summaryId() + "'");
            }
            all.add(s);
        }
        all.sort(NEWEST_FIRST);

        List<PublishedSummary> pages = all.stream().filter(PublishedSummary::hasPage).toList();
        List<PublishedSummary> listed = all.stream().filter(PublishedSummary::listed).toList();

        Map<String, PublishedSummary> liveSlugs = new TreeMap<>();
        for (PublishedSummary s : pages) {
            PublishedSummary clash = liveSlugs.putIfAbsent(s.slug(), s);
            if (clash != null) {
                throw new IllegalArgumentException("summaries '" + clash.summaryId() + "' and '" + s.summaryId()
                        + "' both use slug '" + s.slug() + "'");
            }
        }
        SortedMap<String, PublishedSummary> redirects = new TreeMap<>();
        for (PublishedSummary s : pages) {
            for (String old : s.previousSlugs()) {
                if (liveSlugs.containsKey(old)) {
                    continue; // a live page owns this slug now
                }
                PublishedSummary clash = redirects.putIfAbsent(old, s);
                if (clash != null && clash != s) {
                    throw new IllegalArgumentException("summaries '" + clash.summaryId() + "' and '" + s.summaryId()
                            + "' both list previous slug '" + old + "'");
                }
            }
        }
        SortedSet<String> gone = new TreeSet<>();
        for (PublishedSummary s : all) {
            if (!s.unpublished()) {
                continue;
            }
            List<String> slugs = new ArrayList<>(s.previousSlugs());
            slugs.add(s.slug());
            for (String slug : slugs) {
                if (!liveSlugs.containsKey(slug) && !redirects.containsKey(slug)) {
                    gone.add(slug);
                }
            }
        }

        Map<String, List<Category>> categoriesBySummary = new LinkedHashMap<>();
        Map<String, Category> canonicalBySlug = new TreeMap<>();
        for (PublishedSummary s : pages) {
            for (String name : s.categories()) {
                Category c = Category.named(name);
                // Names differing only in case or accents share a slug; the alphabetically first name is shown.
                canonicalBySlug.merge(c.slug(), c, (a, b) -> a.name().compareTo(b.name()) <= 0 ? a : b);
            }
        }
        SortedMap<Category, List<PublishedSummary>> byCategory = new TreeMap<>();
        for (Category c : canonicalBySlug.values()) {
            byCategory.put(c, new ArrayList<>());
        }
        for (PublishedSummary s : pages) {
            List<Category> own = new ArrayList<>();
            for (String name : s.categories()) {
                Category c = canonicalBySlug.get(Category.named(name).slug());
                if (!own.contains(c)) {
                    own.add(c);
                }
            }
            categoriesBySummary.put(s.summaryId(), List.copyOf(own));
            if (s.listed()) {
                own.forEach(c -> byCategory.get(c).add(s));
            }
        }
        byCategory.replaceAll((c, list) -> List.copyOf(list));

        return new Catalog(pages, listed, Collections.unmodifiableSortedMap(byCategory),
                Map.copyOf(categoriesBySummary), Collections.unmodifiableSortedMap(redirects),
                Collections.unmodifiableSortedSet(gone));
    }

    /** Summaries that have a page (published and retracted), newest first. */
    public List<PublishedSummary> pages() {
        return pages;
    }

    /** Summaries shown in listings, feed, search and sitemap, newest first. */
    public List<PublishedSummary> listed() {
        return listed;
    }

    /** Every category used by a page, alphabetically, each with its listed summaries (newest first, maybe none). */
    public SortedMap<Category, List<PublishedSummary>> categories() {
        return listedByCategory;
    }

    /** The summary's categories in the order the summary gives them (first one is its primary category). */
    public List<Category> categoriesOf(PublishedSummary summary) {
        return categoriesBySummary.getOrDefault(summary.summaryId(), List.of());
    }

    public Optional<Category> primaryCategory(PublishedSummary summary) {
        return categoriesOf(summary).stream().findFirst();
    }

    /** Old slug -> summary now holding the page. */
    public SortedMap<String, PublishedSummary> redirects() {
        return redirects;
    }

    /** Slugs of unpublished summaries nobody else uses. */
    public SortedSet<String> gone() {
        return gone;
    }

    /** Year of the newest change, for the copyright line; never before the launch year. */
    public int latestYear(SiteSettings settings) {
        int newest = pages.stream()
                .mapToInt(s -> settings.localDate(s.lastChanged()).getYear())
                .max()
                .orElse(settings.launchYear());
        return Math.max(newest, settings.launchYear());
    }
}
