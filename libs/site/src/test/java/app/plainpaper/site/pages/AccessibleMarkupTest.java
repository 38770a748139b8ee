package app.plainpaper.site.pages;

import app.plainpaper.site.testing.StandardSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Structural WCAG checks on every rendered page: the part of an accessibility audit a parser can do. */
class AccessibleMarkupTest {

    private static final Set<String> OBSOLETE = Set.of("font", "center", "big", "strike", "tt", "marquee", "frame",
            "frameset", "acronym", "applet", "basefont", "dir", "isindex", "blink");

    @Test
    void everyPageHasLanguageLandmarksSkipLinkAndOrderedHeadings() {
        List<String> pages = StandardSite.files().keySet().stream().filter(p -> p.endsWith(".html")).toList();
        assertThat(pages).hasSizeGreaterThan(60);
        for (String path : pages) {
            String raw = StandardSite.text(path);
            assertThat(raw).as(path).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">");
            Document doc = StandardSite.html(path);
            assertThat(doc.select("meta[name=viewport]")).as(path).hasSize(1);
            assertThat(doc.title()).as(path).isNotBlank();

            Element skip = doc.body().child(0);
            assertThat(skip.tagName()).as(path).isEqualTo("a");
            assertThat(skip.attr("href")).as(path).isEqualTo("#main");
            assertThat(doc.select("main#main")).as(path).hasSize(1);
            assertThat(doc.select("header.site-header")).as(path).hasSize(1);
            assertThat(doc.select("footer.site-footer")).as(path).hasSize(1);

            Set<String> navLabels = new HashSet<>();
            for (Element nav : doc.select("nav")) {
                assertThat(navLabels.add(nav.attr("aria-label"))).as(path + " nav label " + nav.attr("aria-label"))
                        .isTrue();
                assertThat(nav.attr("aria-label")).as(path).isNotBlank();
            }

            assertThat(doc.select("h1")).as(path).hasSize(1);
            int previous = 0;
            for (Element heading : doc.select("h1, h2, h3, h4, h5, h6")) {
                int level = heading.tagName().charAt(1) - '0';
                assertThat(level).as(path + ": " + heading.text() + " after h" + previous)
                        .isLessThanOrEqualTo(previous + 1);
                assertThat(heading.text()).as(path).isNotBlank();
                previous = level;
            }

            Set<String> ids = new HashSet<>();
            for (Element withId : doc.select("[id]")) {
                assertThat(ids.add(withId.id())).as(path + " duplicate id " + withId.id()).isTrue();
            }
            for (Element labelled : doc.select("[aria-labelledby], [aria-describedby]")) {
                for (String attr : List.of("aria-labelledby", "aria-describedby")) {
                    if (labelled.hasAttr(attr)) {
                        assertThat(doc.getElementById(labelled.attr(attr))).as(path + " " + attr).isNotNull();
                    }
                }
            }
            for (Element control : doc.select("input:not([type=hidden]), textarea, select")) {
                Element label = doc.selectFirst("label[for=" + control.id() + "]");
                assertThat(control.id()).as(path).isNotBlank();
                assertThat(label).as(path + " label for " + control.id()).isNotNull();
            }
            for (Element link : doc.select("a")) {
                boolean current = link.attr("aria-current").equals("page") && !link.hasAttr("href");
                assertThat(link.hasAttr("href") || current).as(path + " " + link.outerHtml()).isTrue();
                assertThat(link.text()).as(path + " link text").isNotBlank();
            }
            assertThat(doc.select("[style]")).as(path + " inline styles (CSP)").isEmpty();
            assertThat(doc.select("img:not([alt])")).as(path).isEmpty();
            for (Element e : doc.getAllElements()) {
                assertThat(OBSOLETE).as(path).doesNotContain(e.tagName());
            }
        }
    }
}
