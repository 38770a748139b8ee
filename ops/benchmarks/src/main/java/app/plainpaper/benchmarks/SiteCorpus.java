package app.plainpaper.benchmarks;

import app.plainpaper.site.testing.ReferenceSummary;

import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.SiteSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Published summaries for the site benchmarks: the real reference summary (Lou et al. 2022, CC BY; libs/site's test
 * fixture {@link ReferenceSummary}), repeated with distinct ids, slugs, titles, categories and dates, so
 * every page is as long as a real one and every listing, category and feed has real work to do.
 */
final class SiteCorpus {

    static final String BASE_URL = "http://localhost:8080";
    private static final Instant START = Instant.parse("2020-01-01T08:00:00Z");
    private static final List<String> CATEGORIES = List.of("Pain Management", "Rehabilitation", "Bladder and Bowel",
            "Spasticity", "Neuromodulation", "Cell Therapy", "Mental Health", "Mobility", "Genetics", "Oncology",
            "Pressure Injuries", "Respiratory Care");
    private static final List<String> TOPICS = List.of("pain", "walking", "bladder function", "spasticity",
            "sleep", "mood", "hand function", "blood pressure", "bone density", "skin health");

    private SiteCorpus() {
    }

    static SiteSettings settings() {
        return SiteSettings.defaults(BASE_URL, "editors@plainpaper.test");
    }

    /** {@code count} distinct published summaries, one an hour from 2020 on, in one to three categories each. */
    static List<PublishedSummary> summaries(int count) {
        PublishedSummary reference = reference();
        List<PublishedSummary> list = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String topic = TOPICS.get(n % TOPICS.size());
            List<String> categories = new ArrayList<>();
            for (int c = 0; c <= n % 3; c++) {
                String category = CATEGORIES.get((n * 7 + c * 5) % CATEGORIES.size());
                if (!categories.contains(category)) {
                    categories.add(category);
                }
            }
            Instant published = START.plusSeconds(3600L * n);
            list.add(reference.toBuilder()
                    .summaryId(String.format("bench-%05d", n))
                    .slug(String.format("study-%05d-%s", n, topic.replace(' ', '-')))
                    .title(String.format("Study %d on %s: %s", n, topic, reference.title()))
                    .publishedAt(published)
                    .categories(categories)
                    .doi("10.5555/bench." + n)
                    .pmid(String.valueOf(40000000 + n))
                    .publicationDate(LocalDate.of(2019, 1, 1).plusDays(n % 2000))
                    .reviewedOn(LocalDate.of(2019, 12, 1).plusDays(n / 24))
                    .build());
        }
        return list;
    }

    /** The reference page's summary, parsed from the page text as libs/site's ReferenceSummary does. */
    /** The reference summary as libs/site's tests build it from the real page and study. */
    static PublishedSummary reference() {
        return ReferenceSummary.summary();
    }
}
