package app.plainpaper.site.pages;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.testing.Fixtures;
import app.plainpaper.site.testing.ReferenceSummary;
import app.plainpaper.site.testing.StandardSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryPageTest {

    private static final String PAGE = "research/" + ReferenceSummary.SLUG + "/index.html";
    private final Document page = StandardSite.html(PAGE);
    private final PublishedSummary reference = ReferenceSummary.summary();

    @Test
    void referencePageHasEverySectionHeadingInTheReferenceOrder() {
        List<String> expected = List.of("Simple Explanation", "Study Duration", "Participants", "Evidence Level",
                "Key Findings", "Research Summary", "Practical Implications", "Pain Management",
                "Targeted Therapies", "Personalized Treatment", "Study Limitations", "Your Feedback",
                "Was this summary helpful?", "Back to Oncology");
        // The list itself follows the reference page text, line by line.
        List<String> referenceLines = ReferenceSummary.pageLines().stream().map(String::strip).toList();
        assertThat(referenceLines).containsSubsequence(expected);

        List<String> rendered = new ArrayList<>();
        for (Element e : page.select("main h1, main h2, main h3, main dt, main legend, main .back-link a")) {
            rendered.add(e.text());
        }
        assertThat(rendered).containsSubsequence(expected);
        assertThat(rendered.get(0)).isEqualTo(reference.title());
    }

    @Test
    void breadcrumbsLeadFromHomeThroughResearchAndCategoryToTheTitle() {
        Elements items = page.select("nav[aria-label=Breadcrumb] li");
        assertThat(items.eachText()).containsExactly("Home", "Research", "Oncology", reference.title());
        assertThat(page.select("nav[aria-label=Breadcrumb] a").eachAttr("href"))
                .containsExactly("/", "/research/", "/category/oncology/");
        assertThat(items.last().selectFirst("[aria-current=page]")).isNotNull();
    }

    @Test
    void metaLineMatchesTheReferencePage() {
        String referenceMeta = ReferenceSummary.pageLines().stream().map(String::strip)
                .filter(l -> l.startsWith("Pain Research and Management, 2022")).findFirst().orElseThrow();
        Element meta = page.selectFirst("main p.meta");
        assertThat(meta.text()).isEqualTo(referenceMeta);
        assertThat(meta.selectFirst("a").attr("href")).isEqualTo("https://doi.org/10.1155/2022/1119014");
        assertThat(meta.selectFirst("time").attr("datetime")).isEqualTo("2022-07-08");
    }

    @Test
    void categoryTagsLinkToTheirCategoryPages() {
        String referenceTags = ReferenceSummary.pageLines().stream().map(String::strip)
                .filter(l -> l.startsWith("Oncology")).findFirst().orElseThrow();
        Elements tags = page.select("main ul.tags a");
        assertThat(String.join("", tags.eachText())).isEqualTo(referenceTags);
        assertThat(tags.eachAttr("href"))
                .containsExactly("/category/oncology/", "/category/pain-management/", "/category/genetics/");
        for (String href : tags.eachAttr("href")) {
            assertThat(StandardSite.files()).containsKey(href.substring(1) + "index.html");
        }
    }

    @Test
    void sectionsCarryTheSummaryText() {
        assertThat(section("simple-explanation").select("> p").text()).isEqualTo(reference.simpleExplanation());
        assertThat(page.select("dl.facts dd").eachText()).containsExactly(
                "September 2018 to August 2021",
                "30 cancer patients with bone metastasis and 30 healthy individuals",
                "Not specified");
        assertThat(section("key-findings").select("ol.numbered li").eachText())
                .isEqualTo(reference.keyFindings()).hasSize(3);
        assertThat(section("research-summary").select("> p").text()).isEqualTo(reference.researchSummary());
        assertThat(section("practical-implications").select(".implication h3").eachText())
                .containsExactly("Pain Management", "Targeted Therapies", "Personalized Treatment");
        assertThat(section("practical-implications").select(".implication p").eachText())
                .isEqualTo(reference.implications().stream().map(i -> i.text()).toList());
        assertThat(section("study-limitations").select("ol.numbered li").eachText())
                .isEqualTo(reference.limitations()).hasSize(3);
        assertThat(section("original-study").text()).contains("Yaling Lou", "Pain Research and Management, 2022");
    }

    @Test
    void reviewLineDisclaimerLinkAndBackLink() {
        assertThat(page.selectFirst("p.review").text()).isEqualTo(
                "Medically reviewed by Dr. Test Reviewer, MD on January 10, 2025 · Last updated: January 15, 2025");
        Element disclaimer = page.selectFirst("main a[href=/disclaimer/]");
        assertThat(disclaimer.text()).contains("disclaimer (v1)");
        Element back = page.selectFirst("main .back-link a");
        assertThat(back.text()).isEqualTo("Back to Oncology");
        assertThat(back.attr("href")).isEqualTo("/category/oncology/");
    }

    @Test
    void feedbackWidgetPostsToTheApiWithSummaryIdAndHoneypot() {
        Element form = page.selectFirst("section.feedback form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/api/feedback");
        assertThat(form.selectFirst("input[type=hidden][name=summaryId]").attr("value"))
                .isEqualTo(reference.summaryId());
        assertThat(form.select("input[type=radio][name=helpful]").eachAttr("value")).containsExactly("yes", "no");
        assertThat(form.selectFirst("legend").text()).isEqualTo("Was this summary helpful?");
        Element comment = form.selectFirst("textarea[name=comment]");
        assertThat(form.selectFirst("label[for=" + comment.id() + "]").text()).contains("optional");
        Element honeypot = form.selectFirst("input[name=website]");
        assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
        assertThat(honeypot.parent().attr("aria-hidden")).isEqualTo("true");
        assertThat(form.selectFirst("[role=status]")).isNotNull();

        String script = page.selectFirst("head script[src^=/assets/forms.]").attr("src");
        assertThat(StandardSite.files()).containsKey(script.substring(1));
        assertThat(StandardSite.text(script.substring(1))).contains("fetch(form.action").doesNotContain("innerHTML");
    }

    @Test
    void headHasCanonicalOpenGraphAndJsonLdAboutTheStudy() {
        String canonical = Fixtures.BASE_URL + "/research/" + ReferenceSummary.SLUG + "/";
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(canonical);
        assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(reference.title());
        assertThat(page.select("meta[property=article:tag]").eachAttr("content"))
                .containsExactlyElementsOf(ReferenceSummary.CATEGORIES);
        assertThat(page.selectFirst("meta[name=description]").attr("content")).startsWith("This study investigates");

        JsonNode ld = JsonMapper.builder().build()
                .readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("@context").asString()).isEqualTo("https://schema.org");
        JsonNode webPage = ld.get("@graph").get(0);
        JsonNode article = ld.get("@graph").get(1);
        assertThat(webPage.get("@type").asString()).isEqualTo("MedicalWebPage");
        assertThat(webPage.get("reviewedBy").get("name").asString()).isEqualTo("Dr. Test Reviewer");
        assertThat(webPage.get("lastReviewed").asString()).isEqualTo("2025-01-10");
        assertThat(webPage.get("mainEntity").get("@id").asString()).isEqualTo(article.get("@id").asString());
        assertThat(article.get("@type").asString()).isEqualTo("MedicalScholarlyArticle");
        assertThat(article.get("url").asString()).isEqualTo(canonical);
        assertThat(article.get("datePublished").asString()).isEqualTo("2025-01-15T09:00:00Z");
        for (String property : List.of("isBasedOn", "citation")) {
            JsonNode study = article.get(property);
            assertThat(study.get("@type").asString()).isEqualTo("ScholarlyArticle");
            assertThat(study.get("url").asString()).isEqualTo("https://doi.org/10.1155/2022/1119014");
            assertThat(study.get("identifier").get(0).get("value").asString()).isEqualTo("10.1155/2022/1119014");
            assertThat(study.get("author")).hasSize(5);
            assertThat(study.get("isPartOf").get("name").asString()).isEqualTo("Pain Research and Management");
            assertThat(study.get("datePublished").asString()).isEqualTo("2022-07-08");
        }
    }

    @Test
    void preprintGetsALabelAndAnUpdatedSummaryShowsTheCorrection() {
        Document preprint = StandardSite.html("research/" + StandardSite.PREPRINT_SLUG + "/index.html");
        assertThat(preprint.selectFirst(".label-preprint").text()).startsWith("Preprint");
        Element update = preprint.selectFirst("section.notice-update");
        assertThat(update.selectFirst("h2").text()).isEqualTo("Updated on April 2, 2025");
        assertThat(update.text()).contains("We corrected the number of participants.");
        assertThat(preprint.selectFirst("p.review").text()).endsWith("Last updated: April 2, 2025");

        assertThat(page.select(".label-preprint, .notice-update, .notice-retraction")).isEmpty();
    }

    @Test
    void retractedSummaryKeepsItsPageWithANoticeButIsNotIndexed() {
        Document retracted = StandardSite.html("research/" + StandardSite.RETRACTED_SLUG + "/index.html");
        Element notice = retracted.selectFirst("section.notice-retraction");
        assertThat(notice.selectFirst("h2").text()).isEqualTo("Retraction notice");
        assertThat(notice.text()).contains("retracted");
        assertThat(retracted.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(StandardSite.files()).doesNotContainKey("research/" + StandardSite.UNPUBLISHED_SLUG + "/index.html");
    }

    @Test
    void missingFactsAndCategoriesDegradeGracefully() {
        PublishedSummary bare = PublishedSummary.builder("bare", "bare-summary", "Bare", Fixtures.START)
                .simpleExplanation("First paragraph.\n\nSecond paragraph.")
                .build();
        Map<String, byte[]> files = SiteRenderer.render(List.of(bare), Fixtures.settings());
        Document doc = org.jsoup.Jsoup.parse(Fixtures.text(files, "research/bare-summary/index.html"));
        assertThat(doc.select("dl.facts dd").eachText()).containsExactly("Not specified", "Not specified",
                "Not specified");
        assertThat(doc.select("#simple-explanation ~ p").eachText())
                .containsExactly("First paragraph.", "Second paragraph.");
        assertThat(doc.select("nav[aria-label=Breadcrumb] li").eachText()).containsExactly("Home", "Research", "Bare");
        assertThat(doc.selectFirst(".back-link a").text()).isEqualTo("Back to Latest Research");
        assertThat(doc.select("main p.meta")).isEmpty();
        assertThat(doc.selectFirst("p.review").text()).isEqualTo("Last updated: March 1, 2025");
    }

    private Element section(String headingId) {
        return page.getElementById(headingId).parent();
    }
}
