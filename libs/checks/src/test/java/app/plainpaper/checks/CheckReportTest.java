package app.plainpaper.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckReportTest {

    private static CheckFinding f(String rule, Severity s, String section) {
        return new CheckFinding(rule, s, "m", section, 0, 0, null, "1");
    }

    @Test
    void verdictFollowsTheWorstSeverity() {
        assertThat(new CheckReport("1", List.of()).verdict()).isEqualTo(Verdict.PASS);
        assertThat(new CheckReport("1", List.of(f("a.b", Severity.INFO, "x"))).verdict()).isEqualTo(Verdict.PASS);
        CheckReport warn = new CheckReport("1", List.of(f("a.b", Severity.WARNING, "x"), f("a.c", Severity.INFO, "x")));
        assertThat(warn.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(warn.hasBlockers()).isFalse();
        CheckReport block = new CheckReport("1", List.of(f("a.b", Severity.WARNING, "y"), f("a.c", Severity.BLOCKER, "x")));
        assertThat(block.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(block.findings().get(0).severity()).isEqualTo(Severity.BLOCKER);
        assertThat(block.byRule("a.c")).hasSize(1);
        assertThat(block.findings().get(0).sourceSentences()).isEmpty();
    }

    @Test
    void draftSectionsUseTheSystemNames() {
        Draft d = Sources.draft("Finding one.");
        assertThat(d.sections()).extracting(NamedText::section).containsExactly("simpleExplanation", "studyDuration",
                "participants", "evidenceLevel", "keyFindings[0]", "researchSummary", "practicalImplications[0].title",
                "practicalImplications[0].text", "limitations[0]");
    }
}
