package app.plainpaper.cli.drafting;

import app.plainpaper.drafting.DraftText;
import app.plainpaper.drafting.ImplicationText;
import app.plainpaper.drafting.KeyFindingText;
import app.plainpaper.drafting.SectionReadability;
import app.plainpaper.drafting.SourcePaper;
import app.plainpaper.drafting.SourceRef;

import java.util.List;
import java.util.Locale;

/** A draft for people to read: one heading per section, "Not specified" where the abstract does not say. */
final class DraftMarkdown {

    static final String NOT_SPECIFIED = "Not specified";

    private DraftMarkdown() {
    }

    static String of(String id, SourcePaper paper, DraftText d) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(paper.title().strip()).append("\n\n");
        b.append("Record: `").append(id).append('`');
        if (paper.journal() != null) {
            b.append(" · ").append(paper.journal());
        }
        if (paper.year() != null) {
            b.append(" · ").append(paper.year());
        }
        b.append(" · engine ").append(d.engine()).append("\n\n");
        section(b, "Simple Explanation", d.simpleExplanation());
        section(b, "Study Duration", d.studyDuration());
        section(b, "Participants", d.participants());
        b.append("## Evidence Level\n\n");
        b.append("- Scale: ").append(orNotSpecified(d.evidence().scale())).append('\n');
        b.append("- Level: ").append(orNotSpecified(d.evidence().level())).append('\n');
        b.append("- Design: ").append(d.evidence().design().label()).append('\n');
        b.append("- Why: ").append(orNotSpecified(d.evidence().reason())).append("\n\n");
        b.append("## Key Findings\n\n");
        if (d.keyFindings().isEmpty()) {
            b.append(NOT_SPECIFIED).append("\n");
        }
        int n = 1;
        for (KeyFindingText f : d.keyFindings()) {
            b.append(n++).append(". ").append(f.text()).append('\n');
            for (SourceRef s : f.sources()) {
                b.append("   > Source sentence ").append(s.index()).append(": ").append(s.text()).append('\n');
            }
        }
        b.append('\n');
        section(b, "Research Summary", d.researchSummary());
        b.append("## Practical Implications\n\n");
        if (d.practicalImplications().isEmpty()) {
            b.append(NOT_SPECIFIED).append("\n\n");
        }
        for (ImplicationText i : d.practicalImplications()) {
            b.append("### ").append(i.title()).append("\n\n").append(i.text()).append("\n\n");
        }
        list(b, "Limitations", d.limitations());
        list(b, "Categories", d.categories());
        b.append("## Readability\n\n| section | Flesch-Kincaid grade | mean sentence length | words |\n|---|---|---|---|\n");
        for (SectionReadability r : d.readability()) {
            b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d |\n", r.section(), r.fleschKincaidGrade(),
                    r.meanSentenceLength(), r.words()));
        }
        b.append('\n');
        list(b, "Editor Flags", d.editorFlags());
        return b.toString();
    }

    private static void section(StringBuilder b, String heading, String text) {
        b.append("## ").append(heading).append("\n\n").append(orNotSpecified(text)).append("\n\n");
    }

    private static void list(StringBuilder b, String heading, List<String> items) {
        b.append("## ").append(heading).append("\n\n");
        if (items.isEmpty()) {
            b.append(NOT_SPECIFIED).append('\n');
        }
        items.forEach(i -> b.append("- ").append(i).append('\n'));
        b.append('\n');
    }

    private static String orNotSpecified(String text) {
        return text == null || text.isBlank() ? NOT_SPECIFIED : text;
    }
}
