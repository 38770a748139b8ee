package app.plainpaper.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    @Test
    void keepsNamesDecimalsAndHyphenatedWordsWhole() {
        assertThat(Words.of("TNF-\u03b1 and IL-6 rose by 3.5 in non-serious cases; mg/kg doses, 1,000 people don't"))
                .containsExactly("tnf-\u03b1", "and", "il-6", "rose", "by", "3.5", "in", "non-serious", "cases", "mg/kg",
                        "doses", "1,000", "people", "don't");
    }

    @Test
    void tokensCarryOffsets() {
        String text = "Pain (VAS) fell.";
        for (Token t : Words.tokens(text)) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
        assertThat(Words.count(text)).isEqualTo(3);
        assertThat(Words.content("The pain of the patients fell")).containsExactly("pain", "patients", "fell");
    }

    @Test
    void syllables() {
        assertThat(Syllables.count("cat")).isEqualTo(1);
        assertThat(Syllables.count("table")).isEqualTo(2);
        assertThat(Syllables.count("walked")).isEqualTo(1);
        assertThat(Syllables.count("injury")).isEqualTo(3);
        assertThat(Syllables.count("spinal")).isEqualTo(2);
        assertThat(Syllables.count("rehabilitation")).isEqualTo(6);
        assertThat(Syllables.count("medication")).isEqualTo(4);
        assertThat(Syllables.count("people")).isEqualTo(2);
        assertThat(Syllables.count("non-serious")).isEqualTo(4);
        assertThat(Syllables.count("")).isZero();
    }

    @Test
    void readabilitySeparatesPlainFromTechnical() {
        // pairs-dev.jsonl, cochrane:10.1002/14651858.CD011375.pub2: the plain summary and the technical text
        String plain = "We found only one trial involving a total of 212 participants. The trial was conducted over 24 weeks "
                + "with a further follow-up for eight weeks.";
        String technical = "There was very low-certainty evidence on the relative effect of oxandrolone on complete ulcer "
                + "healing at the end of a 24-week treatment period (downgraded twice for imprecision due to an extremely "
                + "wide 95% CI, which spanned both benefit and harm, and once for indirectness, as the participants were "
                + "mostly male spinal cord injury patients).";
        ReadabilityFigures p = Readability.of(plain);
        ReadabilityFigures t = Readability.of(technical);
        assertThat(p.sentences()).isEqualTo(2);
        assertThat(p.words()).isEqualTo(25);
        assertThat(p.meanSentenceLength()).isEqualTo(12.5);
        assertThat(p.fleschKincaidGrade()).isLessThan(10);
        assertThat(t.fleschKincaidGrade()).isGreaterThan(p.fleschKincaidGrade() + 8);
        assertThat(t.fleschReadingEase()).isLessThan(p.fleschReadingEase());
        assertThat(Readability.of("").words()).isZero();
    }
}
