package app.plainpaper.drafting;

import app.plainpaper.drafting.glossary.Glossary;
import app.plainpaper.drafting.glossary.GlossaryEntry;
import app.plainpaper.drafting.glossary.TermUse;
import app.plainpaper.drafting.taxonomy.Taxonomy;
import app.plainpaper.text.Numbers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data files editors extend: they load, say no numbers, and work as the engine expects. */
class DataFilesTest {

    private final Glossary glossary = Glossary.builtIn();
    private final Taxonomy taxonomy = Taxonomy.builtIn();

    @Test
    void glossaryExplanationsAreShortAndCarryNoNumbers() {
        assertThat(glossary.entries()).hasSizeGreaterThan(150);
        for (GlossaryEntry e : glossary.entries()) {
            assertThat(Numbers.find(e.explanation())).as(e.term()).isEmpty();
            assertThat(e.explanation().split("\\s+").length).as(e.term()).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void longestTermWinsAndAbbreviationsMatchOnlyInCapitals() {
        List<TermUse> uses = glossary.find("People with spinal cord injury (SCI) or tetraplegia, or a CT scan.");
        assertThat(uses).extracting(u -> u.entry().term())
                .containsExactly("spinal cord injury", "spinal cord injury", "tetraplegia", "CT");
        assertThat(glossary.find("the odds or the chances")).isEmpty();
        assertThat(Glossary.explanationSentence(uses.get(2)))
                .isEqualTo("Tetraplegia means loss of movement and feeling in the arms, legs and body.");
    }

    @Test
    void taxonomyHasTheSiteCategoriesAndTheAddedOnes() {
        assertThat(taxonomy.categories()).extracting(Taxonomy.Category::name).contains(
                "Spinal Cord Injury", "Oncology", "Neurology", "Pain Management", "Urology", "Gastroenterology",
                "Genetics", "Research Methodology & Design", "Rehabilitation", "Bladder & Bowel",
                "Skin & Pressure Injuries", "Mental Health", "Technology & Assistive Devices",
                "Sexual Health & Fertility", "Respiratory", "Cardiovascular & Autonomic", "Spasticity",
                "Regenerative Medicine & Stem Cells");
    }

    @Test
    void meshTermsOutweighWordsInTheAbstract() {
        List<String> categories = taxonomy.categorise("Outcomes one year on",
                "We followed adults and measured pain at home.", List.of("Pressure Ulcer", "Muscle Spasticity"));
        assertThat(categories).startsWith("Skin & Pressure Injuries", "Spasticity");
        assertThat(categories).doesNotContain("Pain Management"); // one mention in the abstract is not enough
    }

    @Test
    void aMalformedLineNamesItsFileAndLine() {
        String tsv = "# comment\nterm\tforms\texplanation\nonly two\tfields\n";
        assertThatThrownBy(() -> DataFile.rows("glossary.tsv",
                new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), 3))
                .hasMessage("glossary.tsv line 3: expected 3 tab-separated fields, found 2");
    }
}
