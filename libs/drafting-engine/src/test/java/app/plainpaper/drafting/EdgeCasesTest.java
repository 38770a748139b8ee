package app.plainpaper.drafting;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Papers with little to go on still draft, and say what is missing instead of guessing. */
class EdgeCasesTest {

    private static final BuiltInDraftingEngine engine = new BuiltInDraftingEngine();

    @Test
    void aTitleWithoutAbstractDraftsAndIsFlagged() {
        DraftText d = engine.draft(new SourcePaper("x", "Bladder management after spinal cord injury", null, null,
                List.of(), List.of(), List.of(), List.of()));
        assertThat(d.simpleExplanation()).isNotBlank();
        assertThat(d.participants()).isNull();
        assertThat(d.studyDuration()).isNull();
        assertThat(d.evidence().design()).isEqualTo(StudyDesign.UNKNOWN);
        assertThat(d.evidence().level()).isNull();
        assertThat(d.keyFindings()).isEmpty();
        assertThat(d.editorFlags()).contains("The source has no abstract: the draft rests on the title alone",
                "Participants not stated in the abstract", "Study dates not stated in the abstract",
                "Study design not recognised: set the evidence level by hand");
        assertThat(d.categories()).contains("Spinal Cord Injury", "Bladder & Bowel");
    }

    @Test
    void publicationTypesDecideTheDesignWhenTheTextDoesNot() {
        SourcePaper paper = new SourcePaper("y", "Walking after spinal cord injury", "Spinal Cord", 2020,
                List.of(new SourceSection(null, "Walking matters to people with spinal cord injury. "
                        + "Robotic training was compared with usual care in 40 adults.")),
                List.of("gait"), List.of("Spinal Cord Injuries", "Exoskeleton Device"),
                List.of("Journal Article", "Randomized Controlled Trial"));
        DraftText d = engine.draft(paper);
        assertThat(d.evidence().design()).isEqualTo(StudyDesign.RANDOMISED_TRIAL);
        assertThat(d.evidence().reason()).contains("publication type");
        assertThat(d.participants()).isEqualTo("40 adults");
        assertThat(d.categories()).first().isEqualTo("Spinal Cord Injury");
    }

    @Test
    void translatedTitlesAreFlagged() {
        DraftText d = engine.draft(SourcePaper.unstructured("z", "[A case of spinal abscess in a 70-year-old man].",
                null, 2002, "We report a 70-year-old man with a spinal abscess. He recovered after drainage."));
        assertThat(d.editorFlags()).contains(
                "Title translated from another language: check names and terms against the original",
                "Very short abstract: check the draft against the full paper");
        assertThat(d.evidence().design()).isEqualTo(StudyDesign.CASE_REPORT);
        assertThat(d.participants()).isEqualTo("A 70-year-old man with a spinal abscess");
    }

    @Test
    void draftsAreDeterministic() {
        SourcePaper paper = DevData.resourcePaper("reference-study.json");
        assertThat(engine.draft(paper)).isEqualTo(new BuiltInDraftingEngine().draft(paper));
    }
}
