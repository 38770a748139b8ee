package app.plainpaper.drafting;

import java.util.List;

/**
 * A plain-language draft with every section of a published summary page.
 *
 * @param studyDuration nullable: {@code null} when the abstract does not say (shown as "Not specified", flagged)
 * @param participants  nullable, as {@code studyDuration}
 * @param editorFlags   things the editor should check, e.g. facts the abstract does not give
 * @param engine        the engine that wrote it, e.g. {@code builtin-1}
 * @param changeNote    what a revision changed; {@code null} on a first draft
 */
public record DraftText(String simpleExplanation, String studyDuration, String participants,
                        EvidenceAssessment evidence, List<KeyFindingText> keyFindings, String researchSummary,
                        List<ImplicationText> practicalImplications, List<String> limitations,
                        List<String> categories, List<SectionReadability> readability, List<String> editorFlags,
                        String engine, String changeNote) {
    public DraftText {
        keyFindings = List.copyOf(keyFindings);
        practicalImplications = List.copyOf(practicalImplications);
        limitations = List.copyOf(limitations);
        categories = List.copyOf(categories);
        readability = List.copyOf(readability);
        editorFlags = List.copyOf(editorFlags);
    }
}
