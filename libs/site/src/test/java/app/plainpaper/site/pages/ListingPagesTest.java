package app.plainpaper.site.pages;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.testing.Fixtures;
import app.plainpaper.site.testing.StandardSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListingPagesTest {

    @Test
    void homeShowsLatestSummariesCategoriesAndASearchBox() {
        Document home = StandardSite.html("index.html");
        assertThat(home.selectFirst("h1").text()).isEqualTo("Making Spinal Cord Injury (SCI) Research Accessible to Everyone.");
        assertThat(home.select("#latest-heading ~ ul.cards > li")).hasSize(10);
        // Newest first: the preprint (47 h), the renamed one (46 h), then 45, 44, ...
        assertThat(home.select("#latest-heading ~ ul.cards h3 a").eachText().subList(0, 4))
                .containsExactly("A corrected preprint", "A renamed study", "Study number 45", "Study number 44");
        assertThat(home.select("ul.category-list a").eachText()).containsExactly(
                "Genetics (1 summary)", "Oncology (1 summary)", "Pain Management (24 summaries)",
                "Rehabilitation (24 summaries)");
        var search = home.selectFirst("form[role=search]");
        assertThat(search.attr("action")).isEqualTo("/search/");
        assertThat(search.attr("method")).isEqualTo("get");
        assertThat(search.selectFirst("input[name=q]").id()).isEqualTo(search.selectFirst("label").attr("for"));
        assertThat(home.title()).isEqualTo("Spinal Cord Research Help: Making Spinal Cord Injury (SCI) Research Accessible to Everyone.");
    }

    @Test
    void latestResearchIsPaginatedTwentyPerPageNewestFirst() {
        // 45 + reference + renamed + preprint = 48 listed; the retracted and unpublished ones are left out.
        Document first = StandardSite.html("research/index.html");
        Document second = StandardSite.html("research/page/2/index.html");
        Document third = StandardSite.html("research/page/3/index.html");
        assertThat(StandardSite.files()).doesNotContainKey("research/page/4/index.html")
                .doesNotContainKey("research/page/1/index.html");
        assertThat(first.select("ul.cards > li")).hasSize(20);
        assertThat(second.select("ul.cards > li")).hasSize(20);
        assertThat(third.select("ul.cards > li")).hasSize(8);
        assertThat(third.select("ul.cards h2 a").last().text()).startsWith("Study on the Correlation");
        String all = first.text() + second.text() + third.text();
        assertThat(all).doesNotContain("A retracted study", "An unpublished study");

        assertThat(first.selectFirst("link[rel=next]").attr("href")).isEqualTo("/research/page/2/");
        assertThat(first.select("link[rel=prev]")).isEmpty();
        assertThat(second.selectFirst("link[rel=prev]").attr("href")).isEqualTo("/research/");
        assertThat(second.selectFirst("link[rel=next]").attr("href")).isEqualTo("/research/page/3/");
        assertThat(second.selectFirst("nav[aria-label=Pagination]").text()).contains("Page 2 of 3");
        assertThat(second.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo(Fixtures.BASE_URL + "/research/page/2/");
        assertThat(second.selectFirst("h1").text()).isEqualTo("Latest Research (page 2 of 3)");
    }

    @Test
    void eachCategoryHasItsOwnPaginatedPage() {
        // Pain Management: odd numbers 1..45 (23) + reference; the retracted one is not listed.
        Document first = StandardSite.html("category/pain-management/index.html");
        Document second = StandardSite.html("category/pain-management/page/2/index.html");
        assertThat(first.selectFirst("h1").text()).isEqualTo("Pain Management");
        assertThat(first.select("ul.cards > li")).hasSize(20);
        assertThat(second.select("ul.cards > li")).hasSize(4);
        assertThat(first.select("ul.cards h2 a").eachText()).first().isEqualTo("Study number 45");
        assertThat(first.select("ul.cards h2 a").eachText()).allMatch(t -> !t.contains("retracted"));
        assertThat(first.select("nav[aria-label=Breadcrumb] a").eachAttr("href")).containsExactly("/", "/categories/");
        assertThat(StandardSite.files()).containsKeys("category/oncology/index.html", "category/genetics/index.html",
                "category/rehabilitation/page/2/index.html");
        assertThat(StandardSite.files()).doesNotContainKey("category/pain-management/page/3/index.html");

        Document index = StandardSite.html("categories/index.html");
        assertThat(index.select("ul.category-list a").eachAttr("href")).containsExactly(
                "/category/genetics/", "/category/oncology/", "/category/pain-management/", "/category/rehabilitation/");
    }

    @Test
    void equalPublicationTimesAreOrderedBySummaryId() {
        PublishedSummary b = Fixtures.summary(1, "X").summaryId("b").slug("b").title("B").build();
        PublishedSummary a = Fixtures.summary(1, "X").summaryId("a").slug("a").title("A").build();
        PublishedSummary c = Fixtures.summary(1, "X").summaryId("c").slug("c").title("C").build();
        Map<String, byte[]> files = SiteRenderer.render(List.of(c, a, b), Fixtures.settings());
        Document research = Jsoup.parse(Fixtures.text(files, "research/index.html"));
        assertThat(research.select("ul.cards h2 a").eachText()).containsExactly("A", "B", "C");
    }

    @Test
    void emptySiteStillRendersEveryFixedPage() {
        Map<String, byte[]> files = SiteRenderer.render(List.of(), Fixtures.settings());
        assertThat(files).containsKeys("index.html", "research/index.html", "categories/index.html",
                "about/index.html", "disclaimer/index.html", "contact/index.html", "subscribe/index.html",
                "privacy/index.html", "search/index.html", "404.html", "410.html", "feed.xml", "sitemap.xml",
                "robots.txt", "search-index.json", "_redirects.map");
        assertThat(Jsoup.parse(Fixtures.text(files, "research/index.html")).text()).contains("No summaries here yet.");
        assertThat(Fixtures.text(files, "index.html")).contains("\u00a9 2025 Spinal Cord Research Help");
    }

    @Test
    void fixedPagesSayWhatTheyShould() {
        Document about = StandardSite.html("about/index.html");
        assertThat(about.selectFirst("h1").text()).isEqualTo("About");
        assertThat(about.selectFirst("a[aria-current=page]").text()).isEqualTo("About");

        Document disclaimer = StandardSite.html("disclaimer/index.html");
        assertThat(disclaimer.selectFirst("#disclaimer-version").text()).isEqualTo("Disclaimer v1");
        assertThat(disclaimer.text()).contains("not medical advice");

        Document contact = StandardSite.html("contact/index.html");
        assertThat(contact.selectFirst("main a[href^=mailto:]").attr("href")).isEqualTo("mailto:editors@plainpaper.test");

        Document subscribe = StandardSite.html("subscribe/index.html");
        var form = subscribe.selectFirst("main form");
        assertThat(form.attr("action")).isEqualTo("/api/subscribe");
        assertThat(form.attr("method")).isEqualTo("post");
        var email = form.selectFirst("input[name=email]");
        assertThat(email.attr("type")).isEqualTo("email");
        assertThat(email.hasAttr("required")).isTrue();
        assertThat(form.selectFirst("label[for=" + email.id() + "]").text()).isEqualTo("Email address");
        assertThat(form.selectFirst(".hp input[name=website]")).isNotNull();

        assertThat(StandardSite.html("privacy/index.html").text()).contains("no cookies");

        Document notFound = StandardSite.html("404.html");
        assertThat(notFound.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(notFound.select("link[rel=canonical]")).isEmpty();
        assertThat(notFound.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");

        Document search = StandardSite.html("search/index.html");
        assertThat(search.selectFirst("#search-form").attr("data-index")).isEqualTo("/search-index.json");
        assertThat(search.selectFirst("script[src^=/assets/search.]")).isNotNull();
        assertThat(search.selectFirst("#search-status").attr("role")).isEqualTo("status");
    }

    @Test
    void everyPageHasTheSiteHeaderAndFooter() {
        for (String path : StandardSite.files().keySet()) {
            if (!path.endsWith(".html")) {
                continue;
            }
            Document doc = StandardSite.html(path);
            assertThat(doc.select("header.site-header nav[aria-label=Main] a").eachText()).as(path)
                    .containsExactly("About", "Categories", "Latest Research", "Contact", "Subscribe");
            assertThat(doc.select("footer nav[aria-label=Quick links] a").eachText()).as(path)
                    .containsExactly("Home", "About", "Categories", "Latest Research", "Disclaimer", "Privacy");
            assertThat(doc.selectFirst("footer").text()).as(path)
                    .contains("\u00a9 2025 Spinal Cord Research Help. All rights reserved.", "Contact Us");
        }
    }
}
