package app.plainpaper.site.validation;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.testing.Fixtures;
import app.plainpaper.site.testing.StandardSite;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * feed.xml parsed by Rome (com.rometools:rome) as a feed reader would, then held to RFC 4287's requirements: the
 * feed and every entry have exactly one id, title and updated; the feed has an author (so entries need none), a
 * self link and an alternate link; every entry has an alternate link or content, and a summary. Entries are the
 * listed summaries only, newest first, and each links to a page that exists.
 */
class FeedValidationTest {

    static Feed parse(String xml) throws Exception {
        WireFeedInput input = new WireFeedInput(true, java.util.Locale.ROOT); // validating, as strict as Rome gets
        input.setXmlHealerOn(false);
        var feed = input.build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        return (Feed) feed;
    }

    static Link link(List<Link> links, String rel) {
        return links.stream().filter(l -> rel.equals(l.getRel() == null ? "alternate" : l.getRel())).findFirst().orElse(null);
    }

    @Test
    void theFeedMeetsRfc4287() throws Exception {
        Feed feed = parse(StandardSite.text("feed.xml"));

        assertThat(URI.create(feed.getId()).isAbsolute()).isTrue();
        assertThat(feed.getTitleEx().getValue()).isEqualTo("Spinal Cord Research Help");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty().allSatisfy(a -> assertThat(a.getName()).isNotBlank());
        assertThat(link(feed.getOtherLinks(), "self")).isNotNull()
                .satisfies(l -> assertThat(l.getHref()).isEqualTo(Fixtures.BASE_URL + "/feed.xml"));
        assertThat(link(feed.getAlternateLinks(), "alternate")).isNotNull();

        List<Entry> entries = feed.getEntries();
        long listed = StandardSite.summaries().stream().filter(s -> s.listed()).count();
        assertThat(entries).hasSize((int) Math.min(listed, Fixtures.settings().feedSize()));
        Set<String> ids = new HashSet<>();
        Date previous = null;
        for (Entry entry : entries) {
            assertThat(ids.add(entry.getId())).as("unique id %s", entry.getId()).isTrue();
            assertThat(entry.getId()).startsWith("urn:plainpaper:summary:");
            assertThat(entry.getTitleEx().getValue()).isNotBlank();
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getPublished()).isNotNull();
            assertThat(entry.getUpdated()).isAfterOrEqualTo(entry.getPublished());
            assertThat(entry.getSummary().getValue()).isNotBlank();
            Link alternate = link(entry.getAlternateLinks(), "alternate");
            assertThat(alternate).as("alternate link of %s", entry.getId()).isNotNull();
            String path = URI.create(alternate.getHref()).getPath();
            assertThat(StandardSite.files()).as("page behind %s", alternate.getHref())
                    .containsKey(path.substring(1) + "index.html");
            if (previous != null) {
                assertThat(entry.getPublished()).as("newest first").isBeforeOrEqualTo(previous);
            }
            previous = entry.getPublished();
            assertThat(alternate.getHref()).doesNotContain(StandardSite.RETRACTED_SLUG, StandardSite.UNPUBLISHED_SLUG);
        }
        assertThat(feed.getUpdated()).isEqualTo(entries.stream().map(Entry::getUpdated).max(Date::compareTo).orElseThrow());
    }

    @Test
    void anEmptySiteStillHasAValidFeed() throws Exception {
        Feed feed = parse(new String(SiteRenderer.render(List.of(), Fixtures.settings()).get("feed.xml"),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getUpdated()).isEqualTo(new Date(0));
        assertThat(feed.getAuthors()).isNotEmpty();
    }

    @Test
    void theParserRejectsWhatIsNotAFeed() {
        assertThatThrownBy(() -> parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry></feed>")).isInstanceOf(Exception.class);
    }
}
