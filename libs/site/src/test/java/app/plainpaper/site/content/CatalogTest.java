package app.plainpaper.site.content;

import app.plainpaper.site.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest {

    @Test
    void duplicateIdsAndSlugsAreRejectedWithTheirNames() {
        PublishedSummary a = Fixtures.summary(1).build();
        assertThatThrownBy(() -> Catalog.of(List.of(a, Fixtures.summary(2).summaryId("s-001").build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate summaryId 's-001'");
        assertThatThrownBy(() -> Catalog.of(List.of(a, Fixtures.summary(2).slug("summary-001").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("'s-001'", "'s-002'", "both use slug 'summary-001'");
    }

    @Test
    void unsafeOrReservedSlugsAreRejected() {
        for (String bad : List.of("../etc", "Upper", "two--hyphens", "-lead", "with space", "page", "a/b", "")) {
            assertThatThrownBy(() -> Fixtures.summary(1).slug(bad).build()).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Fixtures.summary(1).previousSlugs(List.of(bad)).build()).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void categoryNamesBecomeStableSlugs() {
        assertThat(Category.named("Pain Management").slug()).isEqualTo("pain-management");
        assertThat(Category.named("  Réadaptation & Thérapie ").slug()).isEqualTo("readaptation-therapie");
        assertThatThrownBy(() -> Category.named("***")).isInstanceOf(IllegalArgumentException.class);

        PublishedSummary a = Fixtures.summary(1, "pain management").build();
        PublishedSummary b = Fixtures.summary(2, "Pain Management").build();
        Catalog catalog = Catalog.of(List.of(a, b));
        assertThat(catalog.categories()).hasSize(1);
        Category only = catalog.categories().firstKey();
        assertThat(only.name()).isEqualTo("Pain Management");
        assertThat(catalog.categories().get(only)).extracting(PublishedSummary::summaryId)
                .containsExactly("s-002", "s-001");
    }

    @Test
    void datesAreFormattedInEnglishInTheConfiguredZone() {
        SiteSettings utc = Fixtures.settings();
        SiteSettings tokyo = utc.withZone(ZoneId.of("Asia/Tokyo"));
        Instant lateEvening = Instant.parse("2025-03-01T20:00:00Z");
        assertThat(utc.displayDate(lateEvening)).isEqualTo("March 1, 2025");
        assertThat(tokyo.displayDate(lateEvening)).isEqualTo("March 2, 2025");
        assertThat(utc.displayDate(LocalDate.of(2022, 7, 8))).isEqualTo("July 8, 2022");
    }

    @Test
    void settingsRejectUnusableBaseUrls() {
        assertThat(SiteSettings.defaults("http://localhost:8080/", "a@b.test").baseUrl())
                .isEqualTo("http://localhost:8080");
        for (String bad : List.of("localhost:8080", "ftp://x", "http://x/?q=1", "http://x/#f", "")) {
            assertThatThrownBy(() -> SiteSettings.defaults(bad, "a@b.test")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        }
    }

    @Test
    void excerptsCutAtWordBoundaries() {
        assertThat(Excerpt.of("Short  text\n here.", 50)).isEqualTo("Short text here.");
        assertThat(Excerpt.of("The quick brown fox jumps over the lazy dog.", 20)).isEqualTo("The quick brown fox\u2026");
    }
}
