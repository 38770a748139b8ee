package app.plainpaper.drafting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The study behind the site's published reference page (test resource reference-study.json, CC BY). The page
 * gives "30 cancer patients with bone metastasis and 30 healthy individuals", three findings on pain and
 * cytokines, and Oncology, Pain Management and Genetics. Its "September 2018 to August 2021" is not in the
 * abstract, so the engine must leave the duration empty and flag it.
 */
class ReferenceStudyTest {

    private static final SourcePaper paper = DevData.resourcePaper("reference-study.json");
    private static final DraftText draft = new BuiltInDraftingEngine().draft(paper);

    @Test
    void participantsAreReadFromTheAbstract() {
        assertThat(draft.participants()).isEqualTo("30 cancer patients with bone metastasis and 30 healthy individuals");
    }

    @Test
    void theMainFindingIsFilledAndCitesItsSentence() {
        assertThat(draft.keyFindings()).isNotEmpty();
        assertThat(draft.keyFindings()).anySatisfy(f -> {
            assertThat(f.text()).containsIgnoringCase("pain score").containsIgnoringCase("improved");
            assertThat(f.sources()).singleElement().satisfies(ref -> {
                assertThat(ref.text()).startsWith("Finally, the pain score and the quality of life score improved");
                assertThat(ref.index()).isEqualTo(10); // the eleventh sentence, counted from 0
            });
        });
        assertThat(draft.keyFindings()).anySatisfy(f -> assertThat(f.text()).contains("MIP-1δ"));
        assertThat(draft.simpleExplanation()).containsIgnoringCase("the main result was that");
    }

    @Test
    void durationIsNotGuessed() {
        assertThat(draft.studyDuration()).isNull();
        assertThat(draft.editorFlags()).contains("Study dates not stated in the abstract");
        assertThat(draft.simpleExplanation() + draft.researchSummary()).doesNotContain("2018").doesNotContain("2021");
    }

    @Test
    void designIsTheNamedTrialAndTheConflictIsFlagged() {
        assertThat(draft.evidence().design()).isEqualTo(StudyDesign.NON_RANDOMISED_TRIAL);
        assertThat(draft.evidence().level()).isEqualTo("3");
        assertThat(draft.evidence().scale()).isEqualTo("OCEBM 2011");
        assertThat(draft.evidence().reason()).contains("nonrandomized controlled clinical trial").contains("case-control");
        assertThat(draft.editorFlags()).anyMatch(f -> f.startsWith("The abstract names several designs"));
    }

    @Test
    void categoriesMatchThePublishedPage() {
        assertThat(draft.categories()).contains("Oncology", "Pain Management", "Genetics");
    }

    @Test
    void theCutOffAbstractIsFlagged() {
        assertThat(draft.editorFlags()).contains("The abstract seems cut off at the end: check the full paper");
    }

    @Test
    void limitationsIncludeTheDesign() {
        assertThat(draft.limitations()).contains(
                "The groups were not formed by chance, so they may differ in ways that affect the results.");
    }
}
