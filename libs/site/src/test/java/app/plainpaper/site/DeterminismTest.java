package app.plainpaper.site;

import app.plainpaper.site.content.PublishedSummary;
import app.plainpaper.site.testing.Fixtures;
import app.plainpaper.site.testing.StandardSite;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    @Test
    void sameInputGivesByteIdenticalFiles() {
        SortedMap<String, byte[]> first = SiteRenderer.render(StandardSite.summaries(), Fixtures.settings());
        SortedMap<String, byte[]> second = SiteRenderer.render(StandardSite.summaries(), Fixtures.settings());
        assertSameFiles(first, second);
    }

    @Test
    void inputOrderDefaultLocaleAndTimeZoneDoNotMatter() {
        SortedMap<String, byte[]> expected = StandardSite.files();
        List<PublishedSummary> shuffled = new ArrayList<>(StandardSite.summaries());
        Collections.shuffle(shuffled, new Random(42));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR")); // dotless i breaks naive lowercasing
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertSameFiles(expected, SiteRenderer.render(shuffled, Fixtures.settings()));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void changingOneSummaryChangesOnlyTheFilesThatShowIt() {
        List<PublishedSummary> changed = new ArrayList<>(StandardSite.summaries());
        PublishedSummary first = changed.get(0); // "Study number 1", the oldest synthetic one
        changed.set(0, first.toBuilder().researchSummary("A corrected research summary.").build());
        SortedMap<String, byte[]> after = SiteRenderer.render(changed, Fixtures.settings());
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : StandardSite.files().entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), after.get(e.getKey()))) {
                differing.add(e.getKey());
            }
        }
        assertThat(differing).containsExactly("research/summary-001/index.html");
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String path : expected.keySet()) {
            assertThat(actual.get(path)).as(path).isEqualTo(expected.get(path));
        }
    }
}
