package app.plainpaper.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    private static List<String> texts(String text) {
        return Sentences.split(text).stream().map(Sentence::text).toList();
    }

    @Test
    void keepsDecimalsPValuesAndAbbreviationsInsideSentences() {
        // pubmed:26862044 (abstracts-dev.jsonl), RESULTS section
        String text = "Groups A and B contained 52 and 57 patients, respectively. Patients were followed for 18-36 "
                + "(mean, 26.64 \u00b1 4.2) months. All bone grafts ultimately fused, but the fusion rate was significantly "
                + "more rapid in group B [6.4 \u00b1 0.5 (range, 5-10) months] than in group A [8.9 \u00b1 0.6 (range, 6-12) "
                + "months; P < 0.05]. At 6 weeks postoperatively, ESR levels differed significantly between groups A and B "
                + "(24.6 \u00b1 1.5 vs. 16.3 \u00b1 1.1 mm/h; P < 0.05). ESR levels normalized in both groups at 16 weeks.";
        List<String> s = texts(text);
        assertThat(s).hasSize(5);
        assertThat(s.get(2)).endsWith("P < 0.05].");
        assertThat(s.get(3)).contains("vs. 16.3").endsWith("P < 0.05).");
    }

    @Test
    void handlesLatinAbbreviations() {
        // github-readme:jutzca/SCI_Neurological_Recovery (abstracts-dev.jsonl), MIT-licensed README
        String text = "The primary outcomes comprised common scores to quantify neurological (i.e., motor and sensory scores) "
                + "and functional recovery (e.g., Spinal Cord Independence Measure (SCIM), walking function). "
                + "Approximately 10% of medications were given, e.g. Fig. 2 by Dr. Smith et al. shows it. Next one.";
        List<String> s = texts(text);
        assertThat(s).hasSize(3);
        assertThat(s.get(1)).startsWith("Approximately").endsWith("shows it.");
    }

    @Test
    void decimalsWithoutLeadingZeroAndIntervals() {
        String text = "The effect was small (P < .05; 95% CI 1.2-3.4). It was approx. 3.5 times higher. Done!";
        assertThat(texts(text)).containsExactly("The effect was small (P < .05; 95% CI 1.2-3.4).",
                "It was approx. 3.5 times higher.", "Done!");
    }

    @Test
    void initialsDoNotEndSentences() {
        assertThat(texts("J. K. Rowling wrote it. Then it ended.")).containsExactly("J. K. Rowling wrote it.", "Then it ended.");
    }

    @Test
    void bulletsLabelsAndHeadingsAreSeparateSentences() {
        String text = "Key findings\n- Walking improved in 30 patients\n- Pain did not change\n\nBackground: SCI is common.\n1. First item\n2. Second item";
        assertThat(texts(text)).containsExactly("Key findings", "- Walking improved in 30 patients", "- Pain did not change",
                "Background: SCI is common.", "1. First item", "2. Second item");
    }

    @Test
    void hardWrappedLinesStayTogether() {
        assertThat(texts("Participants were treated with\noxandrolone for 24 weeks. Then\nthey stopped.")).containsExactly(
                "Participants were treated with\noxandrolone for 24 weeks.", "Then\nthey stopped.");
    }

    @Test
    void offsetsPointIntoTheOriginal() {
        String text = "  First one.   Second (n = 3).  ";
        for (Sentence s : Sentences.split(text)) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
        }
        assertThat(Sentences.split(text)).extracting(Sentence::index).containsExactly(0, 1);
        assertThat(Sentences.split("")).isEmpty();
        assertThat(Sentences.split(null)).isEmpty();
    }
}
