package app.plainpaper.text;

import app.plainpaper.text.NumberMention.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class NumbersTest {

    private static NumberMention only(String text) {
        List<NumberMention> found = Numbers.find(text);
        assertThat(found).as("numbers in %s", text).hasSize(1);
        return found.get(0);
    }

    @Test
    void writtenAndDigitNumbersNormaliseToTheSameValue() {
        NumberMention words = only("thirty patients were included");
        NumberMention digits = only("30 patients were included");
        assertThat(words.value()).isEqualTo(digits.value()).isEqualTo(30);
        assertThat(words.unit()).isEqualTo(digits.unit()).isEqualTo("patients");
        assertThat(words.kind()).isEqualTo(Kind.COUNT);
        assertThat(only("Ninety-six studies").value()).isEqualTo(96);
        assertThat(only("one hundred and twenty-five mice").value()).isEqualTo(125);
        assertThat(only("one hundred mice").unit()).isEqualTo("mice");
        assertThat(only("a dozen volunteers").value()).isEqualTo(12);
        assertThat(only("1.5 million people").value()).isEqualTo(1_500_000);
    }

    @Test
    void percentagesInAnySpelling() {
        for (String s : List.of("50%", "50 %", "50 per cent", "50 percent", "fifty per cent")) {
            NumberMention m = only(s + " of people");
            assertThat(m.value()).as(s).isEqualTo(50);
            assertThat(m.unit()).as(s).isEqualTo("%");
            assertThat(m.kind()).as(s).isEqualTo(Kind.PERCENT);
        }
        assertThat(only("two thirds of people").value()).isEqualTo(66.7);
    }

    @Test
    void decimalsThousandsAndSigns() {
        assertThat(only("a value of 0.5").value()).isEqualTo(only("a value of .5").value());
        assertThat(only("1,000 records").value()).isEqualTo(1000);
        assertThat(only("1 000 records").value()).isEqualTo(1000);
        assertThat(only("1\u00a0000 records").value()).isEqualTo(1000);
        assertThat(only("mean difference -0.5 points").value()).isEqualTo(-0.5);
    }

    @Test
    void rangesShareTheirUnit() {
        // cochrane:10.1002/14651858.CD003726.pub4 (pairs-dev.jsonl), technical text
        List<NumberMention> found = Numbers.find(
                "Study duration for treatments was four to six weeks, and two studies had a cross-over design.");
        assertThat(found).extracting(NumberMention::value, NumberMention::unit, NumberMention::kind).containsExactly(
                tuple(4.0, "weeks", Kind.DURATION), tuple(6.0, "weeks", Kind.DURATION), tuple(2.0, "studies", Kind.COUNT));
        assertThat(Numbers.find("6-12 weeks")).extracting(NumberMention::value, NumberMention::unit)
                .containsExactly(tuple(6.0, "weeks"), tuple(12.0, "weeks"));
        assertThat(Numbers.find("at 6, 12 and 24 months")).extracting(NumberMention::unit)
                .containsExactly("months", "months", "months");
        assertThat(only("a 24-week treatment period").unit()).isEqualTo("weeks");
    }

    @Test
    void confidenceIntervalsRatiosAndPValues() {
        // cochrane:10.1002/14651858.CD011375.pub2 (pairs-dev.jsonl), technical text
        List<NumberMention> found = Numbers.find(
                "complete ulcer healing at the end of a 24-week treatment period (risk ratio RR) 0.81, 95% confidence "
                        + "interval (CI) 0.52 to 1.26)");
        assertThat(found).extracting(NumberMention::raw, NumberMention::kind).containsExactly(
                tuple("24-week", Kind.DURATION), tuple("0.81", Kind.RATIO), tuple("95%", Kind.CI), tuple("0.52", Kind.CI),
                tuple("1.26", Kind.CI));
        assertThat(Numbers.find("(RR 3.85, 95% CI 1.12 to 13.26)")).extracting(NumberMention::kind)
                .containsExactly(Kind.RATIO, Kind.CI, Kind.CI, Kind.CI);
        assertThat(Numbers.find("95% CI 1.2-3.4")).extracting(NumberMention::value).containsExactly(95.0, 1.2, 3.4);

        NumberMention p = only("significant (P < 0.05)");
        assertThat(p.kind()).isEqualTo(Kind.P_VALUE);
        assertThat(p.raw()).isEqualTo("P < 0.05");
        assertThat(p.value()).isEqualTo(0.05);
        assertThat(only("p=.03").value()).isEqualTo(0.03);
        assertThat(only("(p\u22640.018)").kind()).isEqualTo(Kind.P_VALUE);
    }

    @Test
    void dosesDurationsDatesAndYears() {
        NumberMention dose = only("oxandrolone (20 mg/day, administered orally)");
        assertThat(dose.kind()).isEqualTo(Kind.DOSE);
        assertThat(dose.unit()).isEqualTo("mg/day");
        assertThat(only("0.5 mg/kg").unit()).isEqualTo("mg/kg");
        assertThat(only("10 \u00b5g").unit()).isEqualTo("mcg");
        NumberMention date = only("In March 2017, we searched");
        assertThat(date.kind()).isEqualTo(Kind.DATE);
        assertThat(date.value()).isEqualTo(2017);
        assertThat(only("between 2001 and now").kind()).isEqualTo(Kind.YEAR);
        assertThat(only("followed for 3 h").unit()).isEqualTo("hours");
    }

    @Test
    void naturalFrequencies() {
        NumberMention m = only("74 per 1,000 people had an event");
        assertThat(m.value()).isEqualTo(74);
        assertThat(m.unit()).isEqualTo("per 1000");
        assertThat(m.kind()).isEqualTo(Kind.RATIO);
    }

    @Test
    void notNumbers() {
        assertThat(Numbers.find("IL-6, MCP-2, TNF-\u03b1, COVID-19, T10, C5-C6 and 5-HT")).isEmpty();
        assertThat(Numbers.find("half of them; the first dose; the 3rd visit; no one; one of the reasons")).isEmpty();
        assertThat(Numbers.find("see https://doi.org/10.1002/14651858.CD011375.pub2 or mail a.b2@x.org")).isEmpty();
        assertThat(Numbers.find("a three-dimensional model")).isEmpty();
    }

    @Test
    void realAbstractSentence() {
        // github-readme:jutzca/Effect-of-ageing-on-recovery-after-SCI (abstracts-dev.jsonl), Results
        List<NumberMention> found = Numbers.find("A total of 2,171 patients (median age: 47 years; 77.9% male) were included "
                + "in the analysis. Age was not associated with changes in TMS (p = 0.896).");
        assertThat(found).extracting(NumberMention::value, NumberMention::unit, NumberMention::kind).containsExactly(
                tuple(2171.0, "patients", Kind.COUNT), tuple(47.0, "years", Kind.DURATION), tuple(77.9, "%", Kind.PERCENT),
                tuple(0.896, null, Kind.P_VALUE));
        String text = "A total of 2,171 patients";
        NumberMention first = found.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo(first.raw());
    }
}
