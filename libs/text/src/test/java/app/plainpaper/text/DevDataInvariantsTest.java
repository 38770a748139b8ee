package app.plainpaper.text;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Invariants over every text of the shared dev data (40 abstracts, 30 technical/plain pairs): offsets point into
 * the text, no sentence ends on an abbreviation or inside a decimal, every number's raw text is where it says.
 * Skipped, with the reason printed, where shared/data is absent (users' clones).
 */
class DevDataInvariantsTest {

    /** shared/ beside the repository (or where PLAINPAPER_SHARED points), as on the team's machines and in CI. */
    private static final Path DATA = Path.of(System.getenv().getOrDefault("PLAINPAPER_SHARED",
            Path.of("").toAbsolutePath().resolve("../../../shared").normalize().toString())).resolve("data");
    private static final Pattern TEXT_FIELD = Pattern.compile("\"(?:text|technical|plain)\": \"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

    private static List<String> texts() throws Exception {
        List<String> out = new ArrayList<>();
        for (String file : List.of("abstracts-dev.jsonl", "pairs-dev.jsonl")) {
            for (String line : Files.readAllLines(DATA.resolve(file))) {
                Matcher m = TEXT_FIELD.matcher(line);
                while (m.find()) {
                    out.add(unescape(m.group(1)));
                }
            }
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void sentencesAndNumbersHoldTogetherOnRealTexts() throws Exception {
        if (!Files.isDirectory(DATA)) {
            System.out.println("DevDataInvariantsTest skipped: " + DATA + " not found");
        }
        assumeTrue(Files.isDirectory(DATA), DATA + " not found");
        List<String> texts = texts();
        assertThat(texts).hasSizeGreaterThan(90);
        Pattern badEnd = Pattern.compile("(?i)(?:\\be\\.g|\\bi\\.e|\\bvs|\\bet al|\\bFig|\\bapprox|\\bDr)\\.$|\\d\\.$(?<=\\d\\.\\d\\.)");
        int sentences = 0;
        for (String text : texts) {
            for (Sentence s : Sentences.split(text)) {
                sentences++;
                assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
                assertThat(badEnd.matcher(s.text()).find()).as("ends on an abbreviation: %s", s.text()).isFalse();
                assertThat(Character.isLowerCase(s.text().charAt(0)) && s.index() > 0
                        && text.charAt(s.start() - 2) == '.').as("split before a lower-case word: %s", s.text()).isFalse();
            }
            for (NumberMention n : Numbers.find(text)) {
                assertThat(text.substring(n.start(), n.end())).isEqualTo(n.raw());
                assertThat(n.value()).isFinite();
            }
            ReadabilityFigures f = Readability.of(text);
            assertThat(f.words()).isPositive();
            assertThat(f.fleschKincaidGrade()).isBetween(-5.0, 40.0);
        }
        assertThat(sentences).isGreaterThan(800);
    }
}
