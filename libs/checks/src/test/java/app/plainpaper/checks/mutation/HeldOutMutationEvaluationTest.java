package app.plainpaper.checks.mutation;

import app.plainpaper.checks.Checks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The mutation suite on held-out abstracts (the shared formats/ files, minus the dev sets), written to
 * target/checks-heldout.md. A measurement of whether detector changes tuned on the dev sets generalise: it asserts
 * a false-blocker ceiling and that every mutation type was applied, not recall floors. It prints counts only (the
 * misses stay in the file). Skipped, with the reason printed, where the shared data is absent.
 */
@Tag("evaluation")
class HeldOutMutationEvaluationTest {

    /** The real format files beside the dev data. */
    static final Path FORMATS = PairsEvaluationTest.DATA.resolveSibling("formats");
    /**
     * Clean held-out texts allowed a blocker: the team target, {@link PairsEvaluationTest#FALSE_BLOCKER_CEILING} (5%).
     * Policy version 3 as first merged blocked 2 of 37; both were fixed (a drafting bug with written numbers above a
     * thousand, and a negation reach that counted a bracketed aside), so the target now holds.
     */
    /** Each type must be applied at least this often, or the figure for it says nothing. */
    static final int MIN_APPLIED = 3;

    @Test
    void falseBlockersAndMutationsOnHeldOutAbstracts() throws Exception {
        boolean present = Files.isDirectory(FORMATS) && Files.exists(PairsEvaluationTest.ABSTRACTS)
                && Files.exists(PairsEvaluationTest.DATA);
        if (!present) {
            System.out.println("HeldOutMutationEvaluationTest skipped: " + FORMATS + ", " + PairsEvaluationTest.ABSTRACTS
                    + " or " + PairsEvaluationTest.DATA + " not found (shared data absent)");
        }
        assumeTrue(present, FORMATS + " or the dev sets not found");
        Checks checks = Checks.withDefaultPolicy();
        HeldOutMutationEvaluation.Selection selection = HeldOutMutationEvaluation.select(FORMATS,
                PairsEvaluationTest.ABSTRACTS, PairsEvaluationTest.DATA);
        List<PairsEvaluation.Pair> drafts = HeldOutMutationEvaluation.drafts(selection);
        PairsEvaluation.Result result = PairsEvaluation.evaluate(drafts, checks);
        String md = HeldOutMutationEvaluation.report(selection, result, checks.policy().version(), FORMATS);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/checks-heldout.md"), md);
        System.out.printf("held-out: %d texts, mutations applied: %s; false blockers %d of %d; see target/checks-heldout.md%n",
                drafts.size(), HeldOutMutationEvaluation.applied(result), result.textsWithFalseBlockers(), result.texts());

        // the NEJM asthma trial (PMID 29768149) is both in formats/ and in abstracts-dev: graded once, on dev
        assertThat(selection.kept()).extracting(h -> h.paper().pmid()).doesNotContain("29768149");
        assertThat(selection.dropped()).anyMatch(d -> d.contains("NEJMoa1715274") && d.endsWith("in the dev sets"));
        System.out.printf("held-out false blockers: %.1f%% of clean texts, target %.0f%%: %s%n", 100 * result.falseBlockerRate(),
                100 * PairsEvaluationTest.FALSE_BLOCKER_CEILING,
                result.falseBlockerRate() <= PairsEvaluationTest.FALSE_BLOCKER_CEILING ? "met" : "not met");
        assertThat(result.falseBlockerRate()).as("clean held-out texts with a blocker\n%s",
                String.join("\n", result.falseBlockers())).isLessThanOrEqualTo(PairsEvaluationTest.FALSE_BLOCKER_CEILING);
        result.byType().forEach((type, r) ->
                assertThat(r.applied()).as("%s mutations applied", type).isGreaterThanOrEqualTo(MIN_APPLIED));
    }
}
