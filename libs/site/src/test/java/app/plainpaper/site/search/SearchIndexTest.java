package app.plainpaper.site.search;

import app.plainpaper.site.testing.ReferenceSummary;
import app.plainpaper.site.testing.StandardSite;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTest {

    @Test
    void indexHoldsEveryListedSummaryNewestFirst() {
        JsonNode root = JsonMapper.builder().build().readTree(StandardSite.text("search-index.json"));
        assertThat(root.get("version").asInt()).isEqualTo(1);
        JsonNode summaries = root.get("summaries");
        assertThat(summaries).hasSize(48);
        List<String> urls = new ArrayList<>();
        summaries.forEach(s -> urls.add(s.get("url").asString()));
        assertThat(urls).doesNotHaveDuplicates()
                .allMatch(u -> StandardSite.files().containsKey(u.substring(1) + "index.html"))
                .noneMatch(u -> u.contains(StandardSite.RETRACTED_SLUG) || u.contains(StandardSite.UNPUBLISHED_SLUG));
        assertThat(urls.get(0)).isEqualTo("/research/" + StandardSite.PREPRINT_SLUG + "/");
        assertThat(summaries.get(0).get("preprint").asBoolean()).isTrue();

        JsonNode reference = summaries.get(summaries.size() - 1);
        assertThat(reference.get("title").asString()).isEqualTo(ReferenceSummary.summary().title());
        assertThat(reference.get("journal").asString()).isEqualTo("Pain Research and Management");
        assertThat(reference.get("year").asInt()).isEqualTo(2022);
        assertThat(reference.get("categories").get(0).asString()).isEqualTo("Oncology");
        assertThat(reference.get("excerpt").asString()).startsWith("This study investigates").endsWith("\u2026")
                .hasSizeLessThanOrEqualTo(SearchIndex.EXCERPT_LENGTH);
    }

    @Test
    void searchScriptBuildsResultsWithoutInnerHtml() {
        String script = StandardSite.files().keySet().stream().filter(p -> p.startsWith("assets/search."))
                .findFirst().map(StandardSite::text).orElseThrow();
        assertThat(script).contains("textContent", "data-index").doesNotContain("innerHTML", "eval(");
    }
}
