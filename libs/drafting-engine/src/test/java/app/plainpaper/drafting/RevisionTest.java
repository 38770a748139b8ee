package app.plainpaper.drafting;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The editor's edits are kept, readability follows them, and the change note says what changed. */
class RevisionTest {

    private static final BuiltInDraftingEngine engine = new BuiltInDraftingEngine();
    private static final SourcePaper paper = DevData.resourcePaper("reference-study.json");
    private static final DraftText first = engine.draft(paper);

    @Test
    void keepsEditsAndRecomputesReadability() {
        String simpler = "Doctors gave radiotherapy to people whose cancer had spread to the bone. Their pain got better.";
        DraftText revised = engine.revise(paper, first, Map.of(
                "simpleExplanation", simpler,
                "keyFindings[0]", "Pain and quality of life got better after radiotherapy.",
                "studyDuration", "September 2018 to August 2021"), "Dates from the full paper");

        assertThat(revised.simpleExplanation()).isEqualTo(simpler);
        assertThat(revised.keyFindings().get(0).text()).isEqualTo("Pain and quality of life got better after radiotherapy.");
        assertThat(revised.keyFindings().get(0).sources()).isEqualTo(first.keyFindings().get(0).sources());
        assertThat(revised.studyDuration()).isEqualTo("September 2018 to August 2021");
        assertThat(revised.editorFlags()).doesNotContain("Study dates not stated in the abstract");
        // the editor's dates are not in the abstract: flagged for a second look, not refused
        assertThat(revised.editorFlags()).anyMatch(f -> f.startsWith("Numbers not found in the source in studyDuration"));

        double before = grade(first);
        double after = grade(revised);
        assertThat(after).isLessThan(before);
        assertThat(revised.changeNote())
                .contains("simpleExplanation", "keyFindings[0]", "studyDuration")
                .contains("Simple Explanation grade")
                .contains("Comment: Dates from the full paper");
        assertThat(first.changeNote()).isNull();
        // untouched sections stay as they were
        assertThat(revised.researchSummary()).isEqualTo(first.researchSummary());
        assertThat(revised.participants()).isEqualTo(first.participants());
        assertThat(revised.evidence()).isEqualTo(first.evidence());
    }

    @Test
    void earlierEditsSurviveALaterRevision() {
        DraftText once = engine.revise(paper, first, Map.of("limitations[0]", "Only sixty people took part."), null);
        DraftText twice = engine.revise(paper, once, Map.of("researchSummary", "A shorter summary."), "second pass");
        assertThat(twice.limitations().get(0)).isEqualTo("Only sixty people took part.");
        assertThat(twice.researchSummary()).isEqualTo("A shorter summary.");
        assertThat(twice.changeNote()).startsWith("Edited by the editor: researchSummary.");
    }

    @Test
    void clearingParticipantsRestoresTheFlag() {
        DraftText revised = engine.revise(paper, first, Map.of("participants", " "), null);
        assertThat(revised.participants()).isNull();
        assertThat(revised.editorFlags()).contains("Participants not stated in the abstract");
    }

    @Test
    void unknownSectionsAndIndexesAreRefusedClearly() {
        assertThatThrownBy(() -> engine.revise(paper, first, Map.of("title", "x"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown section \"title\"");
        assertThatThrownBy(() -> engine.revise(paper, first, Map.of("keyFindings[99]", "x"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No section keyFindings[99]");
    }

    @Test
    void noEditsChangeNothing() {
        DraftText same = engine.revise(paper, first, Map.of(), null);
        assertThat(same.changeNote()).isEqualTo("No section changed.");
        assertThat(same.simpleExplanation()).isEqualTo(first.simpleExplanation());
    }

    private static double grade(DraftText d) {
        return d.readability().stream().filter(r -> r.section().equals("simpleExplanation")).findFirst()
                .orElseThrow().fleschKincaidGrade();
    }
}
