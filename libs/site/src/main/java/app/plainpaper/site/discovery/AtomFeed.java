package app.plainpaper.site.discovery;

import app.plainpaper.site.content.Catalog;
import app.plainpaper.site.content.Category;
import app.plainpaper.site.content.Excerpt;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Routes;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.markup.Markup;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * feed.xml (Atom, RFC 4287) with the newest listed summaries. Entry ids are built from the summaryId, so renaming a
 * slug does not make feed readers show the summary again.
 */
public final class AtomFeed {

    /** Feed-level "updated" for a site without summaries; fixed so the output stays deterministic. */
    static final Instant EMPTY_FEED_UPDATED = Instant.EPOCH;

    private AtomFeed() {
    }

    public static String entryId(String summaryId) {
        return "urn:plainpaper:summary:" + URLEncoder.encode(summaryId, StandardCharsets.UTF_8);
    }

    public static String render(Catalog catalog, SiteSettings settings) {
        List<PublishedSummary> entries = catalog.listed().stream().limit(settings.feedSize()).toList();
        Instant updated = entries.stream().map(PublishedSummary::lastChanged)
                .max(Comparator.naturalOrder()).orElse(EMPTY_FEED_UPDATED);

        StringBuilder xml = new StringBuilder(8192);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
        element(xml, "  ", "id", settings.absolute(Routes.HOME));
        element(xml, "  ", "title", settings.siteName());
        element(xml, "  ", "subtitle", settings.tagline());
        link(xml, "  ", "self", "application/atom+xml", settings.absolute(Routes.FEED));
        link(xml, "  ", "alternate", "text/html", settings.absolute(Routes.HOME));
        element(xml, "  ", "updated", timestamp(updated));
        xml.append("  <author>\n");
        element(xml, "    ", "name", settings.siteName());
        element(xml, "    ", "uri", settings.absolute(Routes.HOME));
        xml.append("  </author>\n");
        for (PublishedSummary s : entries) {
            xml.append("  <entry>\n");
            element(xml, "    ", "id", entryId(s.summaryId()));
            element(xml, "    ", "title", s.title());
            link(xml, "    ", "alternate", "text/html", settings.absolute(Routes.summary(s.slug())));
            element(xml, "    ", "published", timestamp(s.publishedAt()));
            element(xml, "    ", "updated", timestamp(s.lastChanged()));
            for (Category c : catalog.categoriesOf(s)) {
                xml.append("    <category term=\"").append(Markup.escape(c.slug()))
                        .append("\" label=\"").append(Markup.escape(c.name()))
                        .append("\" scheme=\"").append(Markup.escape(settings.absolute(Routes.CATEGORIES)))
                        .append("\"/>\n");
            }
            xml.append("    <summary type=\"text\">")
                    .append(Markup.escape(Excerpt.of(s.simpleExplanation(), 1000)))
                    .append("</summary>\n");
            xml.append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return xml.toString();
    }

    private static void element(StringBuilder xml, String indent, String name, String text) {
        xml.append(indent).append('<').append(name).append('>').append(Markup.escape(text))
                .append("</").append(name).append(">\n");
    }

    private static void link(StringBuilder xml, String indent, String rel, String type, String href) {
        xml.append(indent).append("<link rel=\"").append(rel).append("\" type=\"").append(type)
                .append("\" href=\"").append(Markup.escape(href)).append("\"/>\n");
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
