package app.plainpaper.site.redirect;

import app.plainpaper.site.SiteRenderer;
import app.plainpaper.site.content.Catalog;
import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.testing.Fixtures;
import app.plainpaper.site.testing.StandardSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedirectMapTest {

    @Test
    void oldSlugGetsARedirectPageWithRefreshAndCanonical() {
        Document page = StandardSite.html("research/" + StandardSite.RENAMED_OLD_SLUG + "/index.html");
        String target = "/research/" + StandardSite.RENAMED_SLUG + "/";
        assertThat(page.selectFirst("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=" + target);
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(Fixtures.BASE_URL + target);
        assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.selectFirst("main a[href=" + target + "]").text()).isEqualTo("A renamed study");
    }

    @Test
    void mapHasRedirectsAndGoneEntriesInNginxSyntax() {
        String map = StandardSite.text(RedirectMap.FILE);
        String target = "/research/" + StandardSite.RENAMED_SLUG + "/";
        assertThat(map).contains(
                "/research/" + StandardSite.RENAMED_OLD_SLUG + " " + target + ";\n",
                "/research/" + StandardSite.RENAMED_OLD_SLUG + "/ " + target + ";\n",
                "/research/" + StandardSite.RENAMED_OLD_SLUG + "/index.html " + target + ";\n",
                "/research/" + StandardSite.UNPUBLISHED_SLUG + "/ 410;\n",
                "/research/" + StandardSite.UNPUBLISHED_OLD_SLUG + "/ 410;\n");
        assertThat(map).doesNotContain(StandardSite.RETRACTED_SLUG);
        assertThat(map.lines().filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("/[a-z0-9/.-]+ (/[a-z0-9/-]+|410);"));

        RedirectMap parsed = RedirectMap.parse(map);
        assertThat(parsed.entries()).hasSize(3);
        assertThat(parsed.lookup("/research/" + StandardSite.RENAMED_OLD_SLUG))
                .contains(new RedirectMap.Moved(target));
        assertThat(parsed.lookup("/research/" + StandardSite.UNPUBLISHED_SLUG + "/index.html"))
                .contains(new RedirectMap.Gone());
        assertThat(parsed.lookup("/research/" + StandardSite.RENAMED_SLUG + "/")).isEmpty();
    }

    @Test
    void liveSlugWinsOverOldAndGoneSlugs() {
        PublishedSummary live = Fixtures.summary(1, "X").slug("taken").build();
        PublishedSummary renamed = Fixtures.summary(2, "X").slug("new-name").previousSlugs(List.of("taken", "old"))
                .build();
        PublishedSummary gone = Fixtures.summary(3, "X").slug("old").unpublished(true).build();
        Catalog catalog = Catalog.of(List.of(live, renamed, gone));
        assertThat(catalog.redirects()).containsOnlyKeys("old");
        assertThat(catalog.gone()).isEmpty();
        assertThat(SiteRenderer.render(List.of(live, renamed, gone), Fixtures.settings()))
                .containsKeys("research/taken/index.html", "research/old/index.html");
    }

    @Test
    void twoSummariesClaimingOneOldSlugIsAnError() {
        PublishedSummary a = Fixtures.summary(1, "X").previousSlugs(List.of("shared")).build();
        PublishedSummary b = Fixtures.summary(2, "X").previousSlugs(List.of("shared")).build();
        assertThatThrownBy(() -> Catalog.of(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous slug 'shared'");
    }

    @Test
    void parseRejectsTargetsOffTheSite() {
        assertThatThrownBy(() -> RedirectMap.parse("/research/a/ //evil.example/;\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> RedirectMap.parse("/research/a/ https://evil.example/;\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedirectMap.parse("/research/a/\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
