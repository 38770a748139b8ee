package app.plainpaper.drafting;

/** A draft laid out like the site's page, for reading in test output. */
final class DraftPrinter {

    private DraftPrinter() {
    }

    static String print(SourcePaper paper, DraftText d) {
        StringBuilder b = new StringBuilder();
        b.append("######## ").append(paper.id()).append(" — ").append(paper.title()).append('\n');
        b.append("Categories: ").append(String.join(", ", d.categories())).append('\n');
        b.append("\nSimple Explanation\n").append(d.simpleExplanation()).append('\n');
        b.append("\nStudy Duration: ").append(d.studyDuration() == null ? "Not specified" : d.studyDuration()).append('\n');
        b.append("Participants: ").append(d.participants() == null ? "Not specified" : d.participants()).append('\n');
        b.append("Evidence Level: ").append(d.evidence().level() == null ? "Not specified" : "Level " + d.evidence().level())
                .append(" (").append(d.evidence().design()).append(") — ").append(d.evidence().reason()).append('\n');
        b.append("\nKey Findings\n");
        for (int i = 0; i < d.keyFindings().size(); i++) {
            KeyFindingText f = d.keyFindings().get(i);
            b.append("  ").append(i + 1).append(". ").append(f.text()).append("  [source sentence ")
                    .append(f.sources().get(0).index()).append("]\n");
        }
        b.append("\nResearch Summary\n").append(d.researchSummary()).append('\n');
        b.append("\nPractical Implications\n");
        d.practicalImplications().forEach(p -> b.append("  ").append(p.title()).append(": ").append(p.text()).append('\n'));
        b.append("\nStudy Limitations\n");
        for (int i = 0; i < d.limitations().size(); i++) {
            b.append("  ").append(i + 1).append(". ").append(d.limitations().get(i)).append('\n');
        }
        b.append("\nReadability: ");
        d.readability().forEach(r -> b.append(r.section()).append(" grade ").append(r.fleschKincaidGrade())
                .append(" msl ").append(r.meanSentenceLength()).append("; "));
        b.append("\nEditor flags: ").append(String.join(" | ", d.editorFlags())).append('\n');
        return b.toString();
    }
}
