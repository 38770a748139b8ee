package app.plainpaper.site.discovery;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.content.SiteSettings;
import app.plainpaper.site.testing.Fixtures;
import app.plainpaper.site.testing.ReferenceSummary;
import app.plainpaper.site.testing.StandardSite;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Test
    void feedIsWellFormedAtomWithTheRequiredElements() throws Exception {
        Document feed = parse(StandardSite.files().get("feed.xml"));
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(children(root, "id")).singleElement().extracting(Node::getTextContent)
                .isEqualTo(Fixtures.BASE_URL + "/");
        assertThat(children(root, "title")).singleElement().extracting(Node::getTextContent)
                .isEqualTo("Spinal Cord Research Help");
        assertThat(children(root, "updated")).hasSize(1);
        assertThat(children(children(root, "author").get(0), "name")).hasSize(1);
        Element self = children(root, "link").stream().filter(l -> l.getAttribute("rel").equals("self"))
                .findFirst().orElseThrow();
        assertThat(self.getAttribute("href")).isEqualTo(Fixtures.BASE_URL + "/feed.xml");

        List<Element> entries = children(root, "entry");
        assertThat(entries).hasSize(48); // every listed summary; the default feed size is 50
        Set<String> ids = new HashSet<>();
        OffsetDateTime newest = null;
        for (Element entry : entries) {
            assertThat(ids.add(text(entry, "id"))).isTrue();
            assertThat(text(entry, "title")).isNotBlank();
            OffsetDateTime updated = OffsetDateTime.parse(text(entry, "updated"));
            OffsetDateTime.parse(text(entry, "published"));
            newest = newest == null || updated.isAfter(newest) ? updated : newest;
            Element link = children(entry, "link").get(0);
            assertThat(link.getAttribute("rel")).isEqualTo("alternate");
            assertThat(link.getAttribute("href")).startsWith(Fixtures.BASE_URL + "/research/");
            assertThat(children(entry, "summary")).hasSize(1);
        }
        assertThat(OffsetDateTime.parse(text(root, "updated"))).isEqualTo(newest);
        assertThat(text(entries.get(0), "title")).isEqualTo("A corrected preprint");
        assertThat(text(entries.get(0), "updated")).isEqualTo("2025-04-02T12:00:00Z");
        assertThat(text(entries.get(0), "id")).isEqualTo("urn:plainpaper:summary:s-preprint");
        assertThat(entries).noneMatch(e -> text(e, "title").contains("retracted") || text(e, "title").contains("unpublished"));
        Element reference = entries.get(entries.size() - 1);
        assertThat(children(reference, "category")).extracting(c -> c.getAttribute("label"))
                .containsExactlyElementsOf(ReferenceSummary.CATEGORIES);
    }

    @Test
    void feedIsLimitedToTheNewestEntries() throws Exception {
        SiteSettings small = new SiteSettings(Fixtures.BASE_URL, "Site", "Tagline.", "Description.", "a@b.test",
                20, 10, 5, java.time.ZoneOffset.UTC, 2025, "v1");
        Map<String, byte[]> files = SiteRenderer.render(Fixtures.many(12), small);
        List<Element> entries = children(parse(files.get("feed.xml")).getDocumentElement(), "entry");
        assertThat(entries).extracting(e -> text(e, "title"))
                .containsExactly("Study number 12", "Study number 11", "Study number 10", "Study number 9",
                        "Study number 8");
    }

    @Test
    void emptyFeedIsStillValid() throws Exception {
        Map<String, byte[]> files = SiteRenderer.render(List.of(), Fixtures.settings());
        Element root = parse(files.get("feed.xml")).getDocumentElement();
        assertThat(children(root, "entry")).isEmpty();
        assertThat(text(root, "updated")).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void sitemapListsIndexablePagesOnly() throws Exception {
        Element root = parse(StandardSite.files().get("sitemap.xml")).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SITEMAP);
        assertThat(root.getLocalName()).isEqualTo("urlset");
        List<String> locs = new ArrayList<>();
        for (Element url : children(root, "url")) {
            locs.add(text(url, "loc"));
            for (Element lastmod : children(url, "lastmod")) {
                assertThat(lastmod.getTextContent()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
        }
        assertThat(locs).allMatch(l -> l.startsWith(Fixtures.BASE_URL + "/")).doesNotHaveDuplicates();
        assertThat(locs).contains(Fixtures.BASE_URL + "/", Fixtures.BASE_URL + "/research/page/3/",
                Fixtures.BASE_URL + "/category/pain-management/page/2/",
                Fixtures.BASE_URL + "/research/" + ReferenceSummary.SLUG + "/",
                Fixtures.BASE_URL + "/disclaimer/");
        assertThat(locs).noneMatch(l -> l.contains(StandardSite.RETRACTED_SLUG)
                || l.contains(StandardSite.UNPUBLISHED_SLUG) || l.contains(StandardSite.RENAMED_OLD_SLUG)
                || l.contains("404") || l.contains("/search/"));
        assertThat(locs.stream().filter(l -> l.matches(".*/research/[a-z0-9-]+/$") && !l.contains("/page/")))
                .hasSize(48);
    }

    @Test
    void robotsPointsAtTheSitemap() {
        assertThat(StandardSite.text("robots.txt"))
                .contains("User-agent: *", "Disallow: /api/", "Sitemap: " + Fixtures.BASE_URL + "/sitemap.xml");
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    static String text(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        assertThat(found).as(localName + " in " + parent.getLocalName()).hasSize(1);
        return found.get(0).getTextContent();
    }
}
