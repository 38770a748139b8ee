package app.plainpaper.checks.accuracy;

import app.plainpaper.checks.CheckFinding;
import app.plainpaper.checks.CheckReport;
import app.plainpaper.checks.Checks;
import app.plainpaper.checks.Definition;
import app.plainpaper.checks.Source;
import app.plainpaper.checks.SourceSection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sentence that explains a glossary term is checked against the glossary the draft was written with. */
class GlossaryReferenceTest {

    /**
     * A line of libs/drafting-engine/src/main/resources/app/plainpaper/drafting/glossary.tsv, copied:
     * {@code HER2	HER2-positive|HER2+	a protein that can make some breast cancers grow faster}.
     */
    static final Definition HER2 = new Definition("HER2", List.of("HER2-positive", "HER2+"),
            "a protein that can make some breast cancers grow faster");

    /**
     * Background of PMID 22727195 (BMC Women's Health 2012;12:16, doi 10.1186/1472-6874-12-16, open access, CC BY);
     * from /work/shared/data/abstracts-dev.jsonl.
     */
    static final Source KURDISH_BREAST_CANCER = new Source("A population-based study of Kurdish breast cancer in northern "
            + "Iraq: hormone receptor and HER2 status.", List.of(new SourceSection("BACKGROUND", "Hormone receptor (HR) and "
            + "HER2 expression predict the therapeutic response and prognosis of breast cancer. In the Middle-East, breast "
            + "cancer is diagnosed at a young age, and Arabic women are reported to have a low frequency of HR positive "
            + "tumors. This study investigates HR and HER2 expression among Kurdish and Arabic women.")), null, "CC BY");

    /** How the engine writes the explanation after the sentence that first uses the term. */
    static final String DRAFTED = "This study looked at HR and HER2 in the breast cancers of Kurdish and Arabic women. "
            + "HER2 means a protein that can make some breast cancers grow faster.";

    final Checks checks = Checks.withDefaultPolicy().withDefinitions(List.of(HER2));

    @Test
    void theGlossarysOwnExplanationPasses() {
        CheckReport report = checks.checkText(DRAFTED, KURDISH_BREAST_CANCER);

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aReversedExplanationIsBlockedWithTheGlossarySentenceAsItsSource() {
        String reversed = DRAFTED.replace("grow faster", "grow slower");

        CheckReport report = checks.checkText(reversed, KURDISH_BREAST_CANCER);

        assertThat(report.hasBlockers()).isTrue();
        CheckFinding direction = report.byRule("accuracy.direction").get(0);
        assertThat(reversed.substring(direction.start(), direction.end())).contains("slower");
        assertThat(direction.sourceSentences())
                .containsExactly("HER2 means a protein that can make some breast cancers grow faster.");
        assertThat(report.byRule(GlossaryRule.ID)).singleElement()
                .satisfies(f -> assertThat(reversed.substring(f.start(), f.end()))
                        .isEqualTo("a protein that can make some breast cancers grow slower"));
    }

    @Test
    void aNegatedExplanationIsBlocked() {
        String negated = DRAFTED.replace("that can make", "that cannot make");

        assertThat(checks.checkText(negated, KURDISH_BREAST_CANCER).byRule("accuracy.negation")).isNotEmpty();
    }

    @Test
    void otherWordsThatKeepTheMeaningOnlyAskAnEditorToConfirm() {
        String reworded = DRAFTED.replace("can make some breast cancers grow faster",
                "can make some breast cancers grow more quickly");

        CheckReport report = checks.checkText(reworded, KURDISH_BREAST_CANCER);

        assertThat(report.hasBlockers()).isFalse();
        assertThat(report.byRule(GlossaryRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\"HER2\"").contains("grow faster"));
    }

    @Test
    void withoutDefinitionsAReversedExplanationHasNoReference() {
        String reversed = DRAFTED.replace("grow faster", "grow slower");

        assertThat(Checks.withDefaultPolicy().checkText(reversed, KURDISH_BREAST_CANCER).hasBlockers()).isFalse();
    }

    @Test
    void aTermUsedButNotExplainedAddsNothing() {
        String noDefinition = "HER2 status was similar in Kurdish and Arabic women.";

        assertThat(checks.checkText(noDefinition, KURDISH_BREAST_CANCER).byRule(GlossaryRule.ID)).isEmpty();
        assertThat(checks.checkText(noDefinition, KURDISH_BREAST_CANCER).findings())
                .isEqualTo(Checks.withDefaultPolicy().checkText(noDefinition, KURDISH_BREAST_CANCER).findings());
    }

    @Test
    void definitionsBelongToTheChecksBuiltWithThem() {
        Checks plain = Checks.withDefaultPolicy();

        assertThat(plain.withDefinitions(List.of(HER2)).definitions()).containsExactly(HER2);
        assertThat(plain.definitions()).isEmpty();
        assertThat(checks.withDefinitions(List.of()).checkText(DRAFTED.replace("grow faster", "grow slower"),
                KURDISH_BREAST_CANCER).hasBlockers()).isFalse();
    }

    @Test
    void formsMatchAsTheGlossaryMatchesThem() {
        assertThat(HER2.isWrittenAs("HER2-positive")).isTrue();
        assertThat(HER2.isWrittenAs("her2")).isFalse(); // abbreviations only in capitals
        Definition tetraplegia = new Definition("tetraplegia", List.of("quadriplegia"),
                "loss of movement and feeling in the arms, legs and body");
        assertThat(tetraplegia.isWrittenAs("Quadriplegia")).isTrue();
    }
}
