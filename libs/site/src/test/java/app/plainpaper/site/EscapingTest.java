package app.plainpaper.site;

import app.plainpaper.site.content.Implication;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.content.Reviewer;
import app.plainpaper.site.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile text in every field comes out as inert text in HTML, attributes, JSON-LD, JSON and XML. */
class EscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ATTRIBUTE = "\" onmouseover=\"alert(2)\" x=\"";
    static final String TITLE = "Pain " + SCRIPT + " study " + ATTRIBUTE + " & 'more' </title><!--";

    private final PublishedSummary hostile = Fixtures.summary(1, "Pain " + SCRIPT, "Cat" + ATTRIBUTE)
            .summaryId("id" + ATTRIBUTE + SCRIPT)
            .title(TITLE)
            .journal("J " + SCRIPT)
            .doi("10.1000/x\"><script>alert(3)</script>")
            .authors(List.of("Eve " + SCRIPT))
            .simpleExplanation("Abstract " + SCRIPT + " and " + ATTRIBUTE + " end.")
            .studyDuration(SCRIPT)
            .participants(ATTRIBUTE)
            .keyFindings(List.of(SCRIPT))
            .researchSummary(SCRIPT)
            .implications(List.of(new Implication(SCRIPT, ATTRIBUTE)))
            .limitations(List.of(ATTRIBUTE))
            .reviewedBy(new Reviewer("Dr " + SCRIPT, ATTRIBUTE))
            .updatedAt(Instant.parse("2025-05-01T00:00:00Z"))
            .correctionNote("Fixed " + SCRIPT)
            .preprint(true)
            .build();
    private final Map<String, byte[]> files = SiteRenderer.render(List.of(hostile), Fixtures.settings());

    @Test
    void htmlPagesContainNoInjectedElementsOrHandlers() {
        for (String path : files.keySet()) {
            if (!path.endsWith(".html")) {
                continue;
            }
            String html = Fixtures.text(files, path);
            // JSON-LD holds the text as JSON strings (checked below); everywhere else it must be entity-escaped.
            String outsideJsonLd = html.replaceAll("(?s)<script type=\"application/ld\\+json\">.*?</script>", "");
            assertThat(outsideJsonLd).as(path).doesNotContain("<script>alert", "\" onmouseover=", "<!--");
            Document doc = Jsoup.parse(html);
            for (Element element : doc.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    assertThat(attribute.getKey()).as(path + " " + element.tagName()).doesNotStartWith("on");
                }
            }
            for (Element script : doc.select("script")) {
                boolean jsonLd = script.attr("type").equals("application/ld+json");
                boolean ownFile = script.attr("src").startsWith("/assets/") && script.data().isEmpty();
                assertThat(jsonLd || ownFile).as(path + ": " + script.outerHtml()).isTrue();
            }
        }
    }

    @Test
    void hostileTextRoundTripsAsPlainText() {
        Document page = Jsoup.parse(Fixtures.text(files, "research/summary-001/index.html"));
        assertThat(page.selectFirst("h1").text()).isEqualTo(TITLE);
        assertThat(page.selectFirst("input[name=summaryId]").attr("value")).isEqualTo(hostile.summaryId());
        assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(TITLE);
        assertThat(page.selectFirst("#simple-explanation").parent().select("p").text())
                .isEqualTo(hostile.simpleExplanation());
        assertThat(page.title()).startsWith(TITLE);
        assertThat(page.select("ul.tags a").eachText()).containsExactly("Pain " + SCRIPT, "Cat" + ATTRIBUTE);
        String doiHref = page.selectFirst("main p.meta a").attr("href");
        assertThat(doiHref).startsWith("https://doi.org/10.1000/x").doesNotContain("\"", "<", ">");
    }

    @Test
    void jsonLdCannotCloseItsScriptElement() {
        String html = Fixtures.text(files, "research/summary-001/index.html");
        int start = html.indexOf("<script type=\"application/ld+json\">");
        int end = html.indexOf("</script>", start);
        String json = html.substring(start + "<script type=\"application/ld+json\">".length(), end);
        assertThat(json).contains("<\\/script>", "\\u003c!--").doesNotContain("</", "<!");
        JsonNode ld = JsonMapper.builder().build().readTree(json);
        assertThat(ld.get("@graph").get(1).get("name").asString()).isEqualTo(TITLE);
        assertThat(ld.get("@graph").get(1).get("isBasedOn").get("author").get(0).get("name").asString())
                .isEqualTo("Eve " + SCRIPT);
    }

    @Test
    void searchIndexAndFeedKeepTheTextIntact() throws Exception {
        String index = Fixtures.text(files, "search-index.json");
        assertThat(index).doesNotContain("</").contains("<\\/script>");
        JsonNode entry = JsonMapper.builder().build().readTree(index).get("summaries").get(0);
        assertThat(entry.get("title").asString()).isEqualTo(TITLE);

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(files.get("feed.xml")));
        var titles = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
        assertThat(titles.item(1).getTextContent()).isEqualTo(TITLE);
    }
}
