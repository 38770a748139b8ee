package app.plainpaper.site.testing;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.content.PublishedSummary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * One realistic site rendered once for the read-only tests: 45 synthetic summaries in two categories, the
 * reference summary, a retracted one, an unpublished one, a renamed one and a corrected preprint.
 */
public final class StandardSite {

    public static final String RETRACTED_SLUG = "retracted-study";
    public static final String UNPUBLISHED_SLUG = "withdrawn-study";
    public static final String UNPUBLISHED_OLD_SLUG = "withdrawn-study-old";
    public static final String RENAMED_SLUG = "renamed-study";
    public static final String RENAMED_OLD_SLUG = "original-study-name";
    public static final String PREPRINT_SLUG = "preprint-study";

    private static final List<PublishedSummary> SUMMARIES = build();
    private static final SortedMap<String, byte[]> FILES = SiteRenderer.render(SUMMARIES, Fixtures.settings());

    private StandardSite() {
    }

    public static List<PublishedSummary> summaries() {
        return SUMMARIES;
    }

    public static SortedMap<String, byte[]> files() {
        return FILES;
    }

    public static String text(String path) {
        return Fixtures.text(FILES, path);
    }

    public static Document html(String path) {
        return Jsoup.parse(text(path), Fixtures.BASE_URL + "/" + path);
    }

    private static List<PublishedSummary> build() {
        List<PublishedSummary> list = new ArrayList<>(Fixtures.many(45));
        list.add(ReferenceSummary.summary());
        list.add(Fixtures.summary(100, "Pain Management").slug(RETRACTED_SLUG).summaryId("s-retracted")
                .title("A retracted study").retracted(true).build());
        list.add(Fixtures.summary(101, "Pain Management").slug(UNPUBLISHED_SLUG).summaryId("s-unpublished")
                .title("An unpublished study").unpublished(true).previousSlugs(List.of(UNPUBLISHED_OLD_SLUG)).build());
        list.add(Fixtures.summary(46, "Rehabilitation").slug(RENAMED_SLUG).summaryId("s-renamed")
                .title("A renamed study").previousSlugs(List.of(RENAMED_OLD_SLUG)).build());
        list.add(Fixtures.summary(47, "Rehabilitation").slug(PREPRINT_SLUG).summaryId("s-preprint")
                .title("A corrected preprint").preprint(true)
                .updatedAt(Instant.parse("2025-04-02T12:00:00Z"))
                .correctionNote("We corrected the number of participants.").build());
        return List.copyOf(list);
    }
}
