package app.plainpaper.drafting;

import java.util.Map;

/** Turns a research paper into a plain-language draft, and revises a draft after an editor's changes. */
public interface DraftingEngine {

    DraftText draft(SourcePaper paper);

    /**
     * Applies an editor's manual edits to {@code previous} and keeps them: the sections named in
     * {@code editedSections} ({@code simpleExplanation}, {@code studyDuration}, {@code participants},
     * {@code researchSummary}, {@code keyFindings[i]}, {@code practicalImplications[i]}, {@code limitations[i]})
     * take the editor's text, readability is recomputed and {@link DraftText#changeNote()} says what changed.
     *
     * @throws IllegalArgumentException for an unknown section name or an index out of range
     */
    DraftText revise(SourcePaper paper, DraftText previous, Map<String, String> editedSections, String comment);
}
