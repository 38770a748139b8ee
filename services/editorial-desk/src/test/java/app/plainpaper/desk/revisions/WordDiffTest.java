package app.plainpaper.desk.revisions;

import app.plainpaper.desk.board.SummaryCard;
import app.plainpaper.events.EventType;
import app.plainpaper.events.SummaryEvent;
import app.plainpaper.events.WorkflowState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.plainpaper.desk.SummaryEvents.draft;
import static app.plainpaper.desk.SummaryEvents.event;
import static app.plainpaper.desk.SummaryEvents.withDraft;
import static app.plainpaper.desk.revisions.WordDiff.Op.DELETE;
import static app.plainpaper.desk.revisions.WordDiff.Op.EQUAL;
import static app.plainpaper.desk.revisions.WordDiff.Op.INSERT;
import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTest {

    @Test
    void aChangedNumberIsOneDeletionAndOneInsertionBetweenEqualRuns() {
        assertThat(WordDiff.diff("The study had 40 patients in total.", "The study had 30 patients in total."))
                .containsExactly(new WordDiff.Run(EQUAL, "The study had"), new WordDiff.Run(DELETE, " 40"),
                        new WordDiff.Run(INSERT, " 30"), new WordDiff.Run(EQUAL, " patients in total."));
    }

    @Test
    void whitespaceIsNotAChangeButPunctuationIs() {
        assertThat(WordDiff.changed(WordDiff.diff("Pain  improved.\n", "Pain improved."))).isFalse();
        assertThat(WordDiff.diff("Pain improved.", "Pain improved!")).containsExactly(
                new WordDiff.Run(EQUAL, "Pain improved"), new WordDiff.Run(DELETE, "."), new WordDiff.Run(INSERT, "!"));
        // Equal and inserted runs read back the new text; equal and deleted runs the old one.
        var runs = WordDiff.diff("Pain fell by 40 %, a lot.", "Pain fell by 30 %, a lot more.");
        assertThat(runs.stream().filter(r -> r.op() != DELETE).map(WordDiff.Run::text).reduce("", String::concat))
                .isEqualTo("Pain fell by 30 %, a lot more.");
        assertThat(runs.stream().filter(r -> r.op() != INSERT).map(WordDiff.Run::text).reduce("", String::concat))
                .isEqualTo("Pain fell by 40 %, a lot.");
    }

    @Test
    void numbersWithDecimalsAndWordsWithApostrophesStayWhole() {
        assertThat(WordDiff.words("It's 2.5 mg, not 25.")).containsExactly("It's", "2.5", "mg", ",", "not", "25", ".");
    }

    @Test
    void emptySidesAreWholeInsertionsOrDeletions() {
        assertThat(WordDiff.diff("", "New text")).containsExactly(new WordDiff.Run(INSERT, "New text"));
        assertThat(WordDiff.diff("Old  text", null)).containsExactly(new WordDiff.Run(DELETE, "Old text"));
        assertThat(WordDiff.diff(null, null)).isEmpty();
    }

    @Test
    void hugeTextsAreReportedAsReplacedWholeInsteadOfExhaustingMemory() {
        String a = "a ".repeat(3000);
        String b = "b ".repeat(3000);
        assertThat(WordDiff.diff(a, b)).extracting(WordDiff.Run::op).containsExactly(DELETE, INSERT);
    }

    @Test
    void revisionsDiffSectionBySectionFromTheHistory() {
        SummaryEvent first = withDraft(event("s", 4, 1, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW),
                "Researchers studied 40 patients.", List.of("pain"));
        SummaryEvent second = withDraft(event("s", 8, 2, EventType.ACCURACY_CHECKED, WorkflowState.EDITOR_REVIEW),
                "Researchers studied 30 patients.", List.of("pain", "cancer"));
        SummaryCard card = new SummaryCard(second, Instant.EPOCH, List.of(first, event("s", 5, 1, EventType.EDITOR_EDITED,
                WorkflowState.DRAFTING), second));

        assertThat(Revisions.drafts(card)).containsOnlyKeys(1, 2);
        var diff = Revisions.diff(Revisions.draftAt(card, 1).orElseThrow().getDraft(), Revisions.draftAt(card, 2).orElseThrow().getDraft());
        var explanation = diff.stream().filter(d -> d.section().equals("simpleExplanation")).findFirst().orElseThrow();
        assertThat(explanation.changed()).isTrue();
        assertThat(explanation.runs()).contains(new WordDiff.Run(DELETE, " 40"), new WordDiff.Run(INSERT, " 30"));
        assertThat(diff.stream().filter(d -> d.section().equals("categories")).findFirst().orElseThrow().runs())
                .contains(new WordDiff.Run(INSERT, ", cancer"));
        assertThat(diff.stream().filter(d -> d.section().equals("researchSummary")).findFirst().orElseThrow().changed()).isFalse();
        assertThat(Revisions.sections(draft(3, "x", List.of()))).containsKeys("keyFindings[0]", "practicalImplications[0].title", "limitations[0]");
    }
}
