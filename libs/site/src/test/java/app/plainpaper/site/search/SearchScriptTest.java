package app.plainpaper.site.search;

import app.plainpaper.site.testing.StandardSite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real search.js in Node against the real generated index (skipped where Node is missing). */
class SearchScriptTest {

    @TempDir
    static Path dir;
    private static Path script;
    private static Path index;
    private static Path harness;

    @BeforeAll
    static void writeFiles() throws IOException {
        String searchJs = StandardSite.files().keySet().stream().filter(p -> p.startsWith("assets/search."))
                .findFirst().orElseThrow();
        script = Files.write(dir.resolve("search.js"), StandardSite.files().get(searchJs));
        index = Files.write(dir.resolve("search-index.json"), StandardSite.files().get("search-index.json"));
        try (InputStream in = SearchScriptTest.class.getResourceAsStream("/search-harness.js")) {
            harness = Files.write(dir.resolve("harness.js"), in.readAllBytes());
        }
    }

    @Test
    void findsSummariesByWordsInTitleAndText() throws Exception {
        List<String> out = search("Cytokine RADIOTHERAPY");
        assertThat(out.get(0)).isEqualTo("1 summary found.");
        assertThat(out.get(1)).startsWith("Study on the Correlation")
                .endsWith("\t/research/study-on-the-correlation-between-pain-and-cytokine-expression-in-the/");

        List<String> numbered = search("study number 45");
        assertThat(numbered.get(1)).isEqualTo("Study number 45\t/research/summary-045/");

        assertThat(search("retracted")).containsExactly("0 summaries found.");
        assertThat(search("nothing-like-this")).containsExactly("0 summaries found.");
    }

    private static List<String> search(String query) throws Exception {
        Process node;
        try {
            node = new ProcessBuilder("node", harness.toString(), script.toString(), index.toString(), query)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("node is not installed");
            return List.of();
        }
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
